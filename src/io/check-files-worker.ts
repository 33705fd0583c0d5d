/** The content check's second thread (./check-files.ts): checks the chunks it is given, in order, and sends each back. */
import { parentPort, workerData } from 'node:worker_threads';
import { checkFiles, type FileCheckOptions, type FileToCheck } from './check-files.ts';

const { chunks, options } = workerData as { chunks: FileToCheck[][]; options: FileCheckOptions };
for (const chunk of chunks) parentPort!.postMessage(checkFiles(chunk, options));
