import type { CollectionInfo } from '../../shared/contract';
import type { CliCommand } from '../command';
import { unwrap } from '../errors';

export const infoCommand: CliCommand = {
  name: 'info',
  summary: 'Show the data folder, schema version and counts',
  usage: 'lectern info [--data-dir <dir>] [--json]',
  options: {},
  async run(ctx) {
    const { dispatch } = ctx.open();
    const info = unwrap(await dispatch('collection.info', {})) as CollectionInfo;
    return { ...info, dataDir: ctx.dataDir };
  },
  human(data) {
    const info = data as CollectionInfo;
    return [
      `Data folder:    ${info.dataDir}`,
      `Schema version: ${info.schemaVersion}`,
      `Articles:       ${info.articles}`,
      `Cards:          ${info.cards}`,
      `Review logs:    ${info.reviewLogs}`,
    ].join('\n');
  },
};
