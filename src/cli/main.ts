import { parseArgs } from 'node:util';
import { LecternError } from '../shared/contract';
import { clockFromEnv } from '../core/clock';
import { openCollection, type Collection } from '../core/collection';
import { prepareDataDir, resolveDataDir } from '../core/paths';
import { createDispatch, type Dispatch } from '../core/rpc/dispatch';
import type { CliCommand, CliContext, OptionsConfig } from './command';
import { dueCommand } from './commands/due';
import { exportCommand } from './commands/export';
import { generateCommand } from './commands/generate';
import { importCommand } from './commands/import';
import { importDeckCommand } from './commands/import-deck';
import { infoCommand } from './commands/info';
import { parseCommand } from './commands/parse';

/** The subcommands, in the order `--help` lists them. */
export const cliCommands: CliCommand[] = [infoCommand, parseCommand, generateCommand, importCommand, dueCommand, exportCommand, importDeckCommand];

const globalOptions: OptionsConfig = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

export const EXIT_OK = 0;
export const EXIT_REFUSED = 1;
export const EXIT_INTERNAL = 2;

export function usage(): string {
  const width = Math.max(...cliCommands.map((c) => c.name.length));
  return [
    'Lectern: read an article, study it with flashcards, remember it with FSRS.',
    '',
    'Usage: lectern <command> [options]',
    '',
    'Commands:',
    ...cliCommands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global options (before or after the command):',
    '  --data-dir <dir>  the data folder (default: LECTERN_DATA_DIR, else the desktop app\'s folder)',
    '  --json            print exactly one JSON document on standard output',
    '  -h, --help        show this help, or a command\'s usage',
    '',
    'Exit codes: 0 done, 1 input refused, 2 internal error.',
  ].join('\n');
}

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const wantsJson = argv.includes('--json');
  const report = (error: unknown): number => {
    const refused = error instanceof LecternError;
    const code = refused ? error.code : 'internal';
    const message = refused ? error.message : `Internal error: ${(error as Error)?.message ?? String(error)}`;
    if (wantsJson) io.stdout(`${JSON.stringify({ error: { code, message } })}\n`);
    io.stderr(`lectern: ${message}\n`);
    return refused ? EXIT_REFUSED : EXIT_INTERNAL;
  };

  const name = commandName(argv);
  const command = cliCommands.find((c) => c.name === name);
  if (!name) {
    if (argv.includes('--help') || argv.includes('-h')) {
      io.stdout(`${usage()}\n`);
      return EXIT_OK;
    }
    io.stderr(`${usage()}\n`);
    return report(new LecternError('bad_input', 'Name a command.'));
  }
  if (!command) return report(new LecternError('bad_input', `Unknown command "${name}". Run "lectern --help" for the list.`));

  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options: { ...globalOptions, ...command.options }, allowPositionals: true, strict: true });
  } catch (error) {
    return report(new LecternError('bad_input', `${(error as Error).message}\nUsage: ${command.usage}`));
  }
  if (parsed.values.help) {
    io.stdout(`Usage: ${command.usage}\n`);
    return EXIT_OK;
  }

  const dataDir = resolveDataDir({ flag: parsed.values['data-dir'] as string | undefined });
  let opened: { collection: Collection; dispatch: Dispatch } | undefined;
  const ctx: CliContext = {
    dataDir,
    options: parsed.values,
    positionals: parsed.positionals.slice(1),
    open() {
      if (!opened) {
        const collection = openCollection({ path: prepareDataDir(dataDir), clock: clockFromEnv() });
        opened = { collection, dispatch: createDispatch({ collection, dataDir }) };
      }
      return opened;
    },
    warn: (message) => io.stderr(`${message}\n`),
  };

  try {
    const data = await command.run(ctx);
    io.stdout(parsed.values.json ? `${JSON.stringify(data)}\n` : `${command.human(data)}\n`);
    return EXIT_OK;
  } catch (error) {
    return report(error);
  } finally {
    opened?.collection.close();
  }
}

/** The first word that is neither an option nor the value of one (`--data-dir x info` names `info`). */
function commandName(argv: string[]): string | undefined {
  const takesValue = new Set<string>();
  for (const options of [globalOptions, ...cliCommands.map((c) => c.options)]) {
    for (const [key, option] of Object.entries(options)) if (option.type === 'string') takesValue.add(`--${key}`);
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return argv[i + 1];
    if (arg.startsWith('-')) {
      if (takesValue.has(arg)) i++;
      continue;
    }
    return arg;
  }
  return undefined;
}
