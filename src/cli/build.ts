/**
 * `npm run build`: loads the build (src/cli/site-build.ts), which takes a moment, answering a stop that comes
 * meanwhile as one that comes later is answered, with the line that says the previous site is as it was, rather
 * than ending without a word.
 */
import { STOP_SIGNALS } from '../lib/build/stopped-build.ts';
import { stoppedWhileLoading } from './build-stopped.ts';

// The build takes these over (and stops what it has started) once it is loaded.
for (const signal of STOP_SIGNALS) process.on(signal, stoppedWhileLoading);
await import('./site-build.ts');
