import type { exchangeCommands } from '../../../shared/contract/commands/exchange';
import { exportDeck } from '../../exchange/collection-export';
import { importDeckFile, previewDeckImport, readDeckFile } from '../../exchange/collection-import';
import { startJob } from '../../jobs/registry';
import type { HandlerContext } from '../context';
import type { HandlersFor } from './handler';

/**
 * Electron loads its own build of better-sqlite3; packages are built and read with a second SQLite
 * handle, which needs the same build. Hosts that know it may put `nativeBinding` in the context.
 */
const sqlite = (ctx: HandlerContext) => ({ nativeBinding: ctx.nativeBinding });

const decode = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

export const exchangeHandlers: HandlersFor<typeof exchangeCommands> = {
  'deck.export': (ctx, input) => {
    const file = exportDeck(ctx.collection, { ...input, ...sqlite(ctx) });
    return { fileName: file.fileName, mimeType: file.mimeType, base64: Buffer.from(file.bytes).toString('base64'), cards: file.cards, notes: file.notes };
  },

  'deck.importPreview': (ctx, { fileName, base64 }) => {
    const parsed = readDeckFile(decode(base64), fileName, sqlite(ctx));
    return previewDeckImport(ctx.collection, parsed, sqlite(ctx));
  },

  'deck.import': async (ctx, { fileName, base64 }) => {
    const { changed: _changed, ...summary } = await importDeckFile(ctx.collection, { bytes: decode(base64), fileName }, sqlite(ctx));
    return summary;
  },

  'deck.importStart': (ctx, { fileName, base64 }) => {
    const bytes = decode(base64);
    const jobId = startJob(ctx.collection, 'deck.import', async (control) => {
      const { changed: _changed, ...summary } = await importDeckFile(ctx.collection, { bytes, fileName }, {
        ...sqlite(ctx),
        signal: control.signal,
        onProgress: (p) => control.report(p),
      });
      return summary;
    });
    return { jobId };
  },
};
