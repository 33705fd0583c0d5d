/** What a build stopped by Ctrl-C (SIGINT), a CI cancel (SIGTERM) or its terminal closing (SIGHUP) says, and the status it exits with. */

export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type StopSignal = (typeof STOP_SIGNALS)[number];

/** As a shell reports a command a signal ended: 128 plus the signal's number. */
const EXIT_STATUS: Record<StopSignal, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

export function stopExitStatus(signal: StopSignal): number {
  return EXIT_STATUS[signal];
}

export interface StoppedBuild {
  signal: StopSignal;
  outDir: string;
  /** Where the output stood when the build ended: the site before it, none at all, or the new site already swapped in. */
  output: 'previous site' | 'no site' | 'new site';
}

/** One line for the operator: that the build stopped, what the output folder holds now, and that nothing is left to do. */
export function stoppedBuildMessage({ signal, outDir, output }: StoppedBuild): string {
  const stopped = `Build stopped by ${signal}${signal === 'SIGINT' ? ' (Ctrl-C)' : ''}`;
  const holds = {
    'previous site': `${outDir} still holds the previous site, unchanged`,
    'no site': `no site was written, and ${outDir} does not exist, as before`,
    'new site': `the new site was already in ${outDir}`,
  }[output];
  return `${stopped}; ${holds}. Nothing else needs doing: every step has stopped, and the next build removes what this one left.`;
}
