/**
 * Writes a collection with one long article and N cards straight into a data folder, fast (one
 * transaction, prepared statements): the card browser's 100,000-card e2e and the list-query bench use it.
 *
 *   node bin/run-ts.mjs bench/seed-cards.ts <data-dir> [count]
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openCollection, type Collection } from '../src/core/collection';
import { DEFAULT_PRESET_ID } from '../src/core/ids';

const WORDS = (
  'tide moon sun ocean glacier ice snow firn river delta basin crust mantle magma lava ash cloud rain storm wind ' +
  'current salt shore reef coral kelp whale plankton harbour sailor compass chart star orbit gravity pull'
).split(' ');

export const SEEDED_ARTICLE_ID = '00000000-0000-7000-8000-00000000a001';
export const SEEDED_DECK_ID = '00000000-0000-7000-8000-00000000d001';

/** A deterministic word sequence for card n. */
function sentence(n: number, length: number): string {
  const out: string[] = [];
  let x = n * 2654435761;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out.push(WORDS[x % WORDS.length]!);
  }
  return out.join(' ');
}

export function seedCards(collection: Collection, count: number, now = Date.UTC(2026, 4, 1, 12)): void {
  const sections = Array.from({ length: 50 }, (_, s) => ({
    heading: s === 0 ? null : `Part ${s}`,
    level: 1,
    study: true,
    paragraphs: Array.from({ length: 10 }, (_, p) => `${sentence(s * 100 + p, 14)}.`),
  }));
  const { db } = collection;
  collection.transact(() => {
    db.prepare(
      `INSERT INTO articles (id, title, meta, sections, paragraph_kinds, format, source, source_hash, created_at, updated_at)
       VALUES (?, 'A Very Large Deck', '{}', ?, ?, 'markdown', NULL, 'seeded', ?, ?)`,
    ).run(SEEDED_ARTICLE_ID, JSON.stringify(sections), JSON.stringify(sections.map((s) => s.paragraphs.map(() => 'prose'))), now, now);
    db.prepare('INSERT INTO decks (id, name, article_id, preset_id) VALUES (?, ?, ?, ?)').run(
      SEEDED_DECK_ID,
      'A Very Large Deck',
      SEEDED_ARTICLE_ID,
      DEFAULT_PRESET_ID,
    );
    const insert = db.prepare(
      `INSERT INTO cards (id, deck_id, article_id, section_index, kind, text, source_paragraph, source_start, source_end,
         source_quote, source_prefix, source_suffix, source_status, tags, state, due, stability, difficulty, reps,
         created_at, updated_at)
       VALUES (@id, @deck, @article, @section, 'cloze', @text, @paragraph, 0, @end, @quote, '', '', 'ok', @tags, @state,
         @due, @stability, 5, @reps, @created, @created)`,
    );
    for (let n = 0; n < count; n++) {
      const section = n % sections.length;
      const paragraph = Math.floor(n / sections.length) % 10;
      const quote = sections[section]!.paragraphs[paragraph]!;
      const words = quote.slice(0, -1).split(' ');
      const gap = n % words.length;
      const state = n % 4 === 0 ? 0 : 2;
      insert.run({
        id: `00000000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`,
        deck: SEEDED_DECK_ID,
        article: SEEDED_ARTICLE_ID,
        section,
        text: `Card ${n + 1}: ${words.map((w, i) => (i === gap ? `{{c1::${w}}}` : w)).join(' ')}.`,
        paragraph,
        end: quote.length,
        quote,
        tags: n % 10 === 0 ? '["tenth"]' : '[]',
        state,
        due: state === 0 ? now : now + ((n % 60) - 10) * 86_400_000,
        stability: state === 0 ? 0 : 10,
        reps: state === 0 ? 0 : 3,
        created: now - (count - n) * 1000,
      });
    }
  });
}

export function main(argv: string[]): number {
  const [dataDir, countText] = argv;
  if (!dataDir) {
    console.error('usage: seed-cards.ts <data-dir> [count]');
    return 1;
  }
  mkdirSync(dataDir, { recursive: true });
  const started = Date.now();
  const collection = openCollection({ path: join(dataDir, 'lectern.sqlite') });
  seedCards(collection, Number(countText ?? 100_000));
  collection.close();
  console.error(`seeded ${countText ?? 100_000} cards in ${Date.now() - started} ms`);
  return 0;
}
