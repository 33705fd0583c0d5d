/**
 * Node options for a command run by a test: it says `EVENT_LOOP_EMPTIED` on stderr when its process ends because
 * its event loop has emptied, which process.exit skips. A command ends that way, not by process.exit, which can hang
 * for good beside V8's background compilation (nodejs/node#54918).
 */
export const EVENT_LOOP_EMPTIED = 'event loop emptied\n';
export const SAYS_EVENT_LOOP_ENDED = ['--import', `data:text/javascript,process.on("beforeExit",()=>process.stderr.write(${JSON.stringify(EVENT_LOOP_EMPTIED)}))`];
