import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../clock';
import { openHostCollection } from './host';

const resourcesDir = resolve(__dirname, '../../../resources');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('openHostCollection', () => {
  it('adds the bundled article to a collection it creates, once', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'lectern-host-')), 'nested', 'data');
    dirs.push(dataDir);
    const first = openHostCollection({ dataDir, clock: systemClock, resourcesDir });
    expect(first.created).toBe(true);
    const listed = await first.dispatch('library.list', {});
    expect(listed.ok && (listed.data as { articles: { title: string }[] }).articles.map((a) => a.title)).toEqual([
      'Examining the legal basis for collective self-defense and its limits in interstate and asymmetrical conflicts.',
    ]);
    first.collection.close();

    const second = openHostCollection({ dataDir, clock: systemClock, resourcesDir });
    expect(second.created).toBe(false);
    const info = await second.dispatch('collection.info', {});
    expect(info).toMatchObject({ ok: true, data: { articles: 1 } });
    second.collection.close();
  });
});
