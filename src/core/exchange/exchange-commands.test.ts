import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../shared/contract';
import type { Collection } from '../collection';
import { waitForJob } from '../jobs/registry';
import { createDispatch } from '../rpc/dispatch';
import { emptyCollection, reviewedCollection } from './collection-fixtures';

const open: Collection[] = [];
afterEach(() => open.splice(0).forEach((c) => c.close()));

function setup() {
  const source = reviewedCollection({ days: 2 });
  const target = emptyCollection(source.clock.now());
  open.push(source.collection, target.collection);
  return {
    source,
    target,
    from: createDispatch({ collection: source.collection, dataDir: null }),
    to: createDispatch({ collection: target.collection, dataDir: null }),
  };
}

describe('exchange commands through dispatch', () => {
  it('deck.export → deck.importPreview → deck.import', async () => {
    const { from, to, source, target } = setup();
    const exported = await from('deck.export', { scope: { all: true }, format: 'json', withSchedule: false });
    expect(exported).toMatchObject({ ok: true, data: { mimeType: 'application/json', cards: source.cardIds.length, notes: source.cardIds.length } });
    if (!exported.ok) return;
    const { fileName, base64 } = exported.data as { fileName: string; base64: string };
    expect(fileName).toMatch(/^Lectern collection .*\.json$/);

    const preview = await to('deck.importPreview', { fileName, base64 });
    expect(preview).toMatchObject({ ok: true, data: { format: 'lectern', added: source.cardIds.length, updated: 0, skipped: 0, backup: null } });
    expect(target.collection.db.prepare('SELECT count(*) AS n FROM cards').get()).toEqual({ n: 0 });

    const imported = await to('deck.import', { fileName, base64 });
    expect(imported).toMatchObject({ ok: true, data: { added: source.cardIds.length } });
    const again = await to('deck.import', { fileName, base64 });
    expect(again).toMatchObject({ ok: true, data: { added: 0, updated: 0, skipped: source.cardIds.length } });
  });

  it('exports one article and a selection of cards, in every format', async () => {
    const { from, source } = setup();
    for (const format of ['apkg', 'csv', 'tsv', 'json', 'markdown'] as const) {
      const byArticle = await from('deck.export', { scope: { articleId: source.articleId }, format, withSchedule: true });
      expect(byArticle, format).toMatchObject({ ok: true, data: { cards: source.cardIds.length - 1 } });
      const bySelection = await from('deck.export', { scope: { cardIds: source.cardIds.slice(0, 2) }, format, withSchedule: false });
      expect(bySelection, format).toMatchObject({ ok: true, data: { cards: 2 } });
    }
    expect(await from('deck.export', { scope: { articleId: 'missing' }, format: 'json', withSchedule: false })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await from('deck.export', { scope: {}, format: 'json', withSchedule: false })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });

  it('deck.importStart runs the import as a job with progress; job.status gives the summary', async () => {
    const { from, to, source, target } = setup();
    const exported = await from('deck.export', { scope: { all: true }, format: 'apkg', withSchedule: true });
    const { fileName, base64 } = (exported as { data: { fileName: string; base64: string } }).data;
    const started = await to('deck.importStart', { fileName, base64 });
    expect(started.ok).toBe(true);
    const { jobId } = (started as { data: { jobId: string } }).data;
    const first = await to('job.status', { jobId });
    expect(first).toMatchObject({ ok: true, data: { kind: 'deck.import' } });
    const done = await waitForJob(target.collection, jobId, 5);
    expect(done).toMatchObject({ state: 'done', progress: { done: 4, total: 4 }, result: { format: 'apkg', added: source.cardIds.length } });
    expect(await to('job.status', { jobId })).toMatchObject({ ok: true, data: { state: 'done' } });
  });

  it('job.cancel stops an import before it changes anything', async () => {
    const { from, to, target } = setup();
    const exported = await from('deck.export', { scope: { all: true }, format: 'json', withSchedule: false });
    const { fileName, base64 } = (exported as { data: { fileName: string; base64: string } }).data;
    const { jobId } = ((await to('deck.importStart', { fileName, base64 })) as { data: { jobId: string } }).data;
    expect(await to('job.cancel', { jobId })).toMatchObject({ ok: true, data: { state: 'cancelled' } });
    await new Promise((r) => setTimeout(r, 50));
    expect(target.collection.db.prepare('SELECT count(*) AS n FROM cards').get()).toEqual({ n: 0 });
    expect(await to('job.status', { jobId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a refused file is a refusal envelope, not an internal error', async () => {
    const { to } = setup();
    const refused = await to('deck.import', { fileName: 'x.apkg', base64: Buffer.from('not a zip').toString('base64') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad_input', message: expect.stringMatching(/not a zip/) } });
  });

  it('the commands that carry a file get the larger body limit', () => {
    expect(commands['deck.import'].carriesFile).toBe(true);
    expect(commands['deck.importPreview'].carriesFile).toBe(true);
    expect(commands['deck.importStart'].carriesFile).toBe(true);
  });
});
