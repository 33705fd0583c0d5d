/**
 * The command-line tools' shared argument handling: node's parseArgs, `--help`, misuse answered with the usage and
 * exit code 2, and paths read from the folder the command was typed in.
 */
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { displayPath } from '../io/display-path.ts';
import { commandFolder } from '../lib/command-folder.ts';
import { closestWord } from '../lib/text/suggest.ts';
import { settings } from '../settings.ts';

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
    const unknown = (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? unknownOption(argv, config) : undefined;
    return usageError(unknown ?? (error as Error).message, usage);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    return 0;
  }
  return parsed;
}

/**
 * Node's own message for an option it does not know names it but not the one meant, and its advice on `--` reads as
 * nonsense after npm's own `--`: a typo gets the option it is closest to instead.
 */
function unknownOption(argv: string[], config: Config): string | undefined {
  const { tokens } = parseArgs({ ...config, args: argv, strict: false, tokens: true });
  const token = tokens.find((token) => token.kind === 'option' && !Object.hasOwn(config.options, token.name));
  if (token?.kind !== 'option') return undefined;
  const given = token.rawName.startsWith('--') ? token.rawName : argv[token.index]!;
  const guess = token.rawName.startsWith('--') ? closestWord(token.name, Object.keys(config.options)) : undefined;
  if (guess) return `Unknown option ${given}; did you mean --${guess}?`;
  return `Unknown option ${given}; the options are listed below. A value that starts with "-" goes last, after a "--" of its own.`;
}

/**
 * The folder the user typed the command in, though npm runs every script in the project's folder: paths given on
 * the command line are read from it, and files are named relative to it.
 */
export function commandPaths() {
  const folder = commandFolder(process.cwd(), process.argv[1], settings.npmScript);
  return { folder, resolve: (given: string) => resolve(folder, given), display: (path: string) => displayPath(path, folder) };
}
