import { resolveDataDir } from '../core/paths';

/** The value of `--data-dir <dir>` or `--data-dir=<dir>` on the command line, if given (the last one wins). */
export function dataDirFlag(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--data-dir') {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        value = next;
        i += 1;
      }
    } else if (arg.startsWith('--data-dir=')) {
      value = arg.slice('--data-dir='.length);
    }
  }
  return value;
}

/**
 * The desktop app's data folder, from the core's one data-folder function (INTERFACES.md):
 * `--data-dir`, else LECTERN_DATA_DIR, else the per-user folder (Electron's userData for "Lectern").
 */
export function desktopDataDir(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home?: string,
): string {
  return resolveDataDir({ flag: dataDirFlag(argv), env, platform, ...(home !== undefined ? { home } : {}) });
}
