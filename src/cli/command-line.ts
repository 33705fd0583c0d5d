/** The command-line tools' shared argument handling: node's parseArgs, `--help`, and misuse answered with the usage and exit code 2. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Config = Omit<ParseArgsConfig, 'args'> & { options: NonNullable<ParseArgsConfig['options']> };

/** Prints the message and the usage on stderr; 2 is the exit code for misuse. */
export function usageError(message: string, usage: string): number {
  console.error(`${message}\n\n${usage}`);
  return 2;
}

/**
 * The parsed arguments, or the exit code to stop with: 0 after printing the usage for `--help`/`-h`, 2 after
 * explaining an unknown or malformed option.
 */
export function readCommandLine<const C extends Config>(argv: string[], config: C, usage: string): ReturnType<typeof parseArgs<C & { args: string[] }>> | number {
  let parsed: ReturnType<typeof parseArgs<C & { args: string[] }>>;
  try {
    parsed = parseArgs({ ...config, args: argv });
  } catch (error) {
    return usageError((error as Error).message, usage);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    return 0;
  }
  return parsed;
}
