import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LecternError } from '../shared/contract';
import { clockFromEnv } from '../core/clock';
import { resolveDataDir } from '../core/paths';
import { openHostCollection } from '../core/rpc/host';
import { startWebHost } from './http-host';

/** `npm run serve -- --port <n> --data-dir <dir>`: prints exactly one line with the address and token. */
export async function main(argv: string[]): Promise<number> {
  let values: { port?: string; 'data-dir'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\nUsage: npm run serve -- [--port <n>] [--data-dir <dir>]\n`);
    return 1;
  }
  if (values.help) {
    process.stdout.write('Usage: npm run serve -- [--port <n>] [--data-dir <dir>]\n  --port 0 picks a free port (default 4317).\n');
    return 0;
  }
  const port = values.port === undefined ? 4317 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port must be a whole number from 0 to 65535, got "${values.port}"\n`);
    return 1;
  }
  const dataDir = resolveDataDir({ flag: values['data-dir'] });
  let host: ReturnType<typeof openHostCollection>;
  try {
    host = openHostCollection({
      dataDir,
      clock: clockFromEnv(),
      resourcesDir: fileURLToPath(new URL('../../resources', import.meta.url)),
      dispatchOptions: { onInternalError: (name, error) => console.error(`[lectern] internal error in ${name}:`, error) },
    });
  } catch (error) {
    // A collection Lectern cannot open (damaged, or from a newer version) is said in one line, not a stack.
    const refused = error instanceof LecternError;
    process.stderr.write(`lectern: ${refused ? error.message : `could not open the collection: ${(error as Error).message}`}\n`);
    return refused ? 1 : 2;
  }
  const web = await startWebHost({
    port,
    dispatch: host.dispatch,
    rendererDir: fileURLToPath(new URL('../../out/renderer', import.meta.url)),
  });
  process.stdout.write(`Lectern is running at ${web.url}\n`);
  const stop = () => {
    void web.close().then(() => {
      host.collection.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return 0;
}
