/**
 * Anki's schema-11 collection (ANKI-FORMAT.md §3–4): the DDL, in exactly Anki's column order (the 2.1.x
 * importer copies rows positionally), and the JSON blobs of the single `col` row with every key serde
 * requires.
 */
import { createHash } from 'node:crypto';

export const SCHEMA11_DDL = `
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
  ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL,
  models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
  usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL,
  flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
  mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL,
  due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL,
  lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL,
  flags integer NOT NULL, data text NOT NULL);
CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
  ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL,
  type integer NOT NULL);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);
`;

export const DEFAULT_DECK_ID = 1;
export const DEFAULT_DCONF_ID = 1;

/** `col.conf`: Anki's schema-11 defaults; `schedVer: 2` keeps Anki from converting our review log. */
export function confJson(firstDeckId: number): Record<string, unknown> {
  return {
    activeDecks: [firstDeckId],
    curDeck: firstDeckId,
    newSpread: 0,
    collapseTime: 1200,
    timeLim: 0,
    estTimes: true,
    dueCounts: true,
    curModel: null,
    nextPos: 1,
    sortType: 'noteFld',
    sortBackwards: false,
    addToCur: true,
    dayLearnFirst: false,
    schedVer: 2,
    sched2021: true,
  };
}

/** A deck id that only depends on the name: Anki matches decks by name, but stable ids keep exports stable. */
export function deckIdFor(name: string): number {
  const digest = createHash('sha1').update(name, 'utf8').digest();
  // 40 bits of the hash, offset into 13-digit territory like Anki's own millisecond ids.
  const low = digest.readUIntBE(0, 5) % 100_000_000_000;
  return 1_600_000_000_000 + low;
}

export function deckJson(id: number, name: string, modSeconds: number): Record<string, unknown> {
  return {
    id,
    name,
    mod: modSeconds,
    usn: -1,
    collapsed: false,
    browserCollapsed: false,
    dyn: 0,
    conf: DEFAULT_DCONF_ID,
    desc: '',
    extendNew: 0,
    extendRev: 0,
    lrnToday: [0, 0],
    revToday: [0, 0],
    newToday: [0, 0],
    timeToday: [0, 0],
  };
}

/** genanki's option group 1: a complete, valid block (Anki never imports id 1, so the user's stays). */
export function dconfJson(): Record<string, unknown> {
  return {
    [String(DEFAULT_DCONF_ID)]: {
      id: DEFAULT_DCONF_ID,
      mod: 0,
      name: 'Default',
      usn: 0,
      maxTaken: 60,
      autoplay: true,
      timer: 0,
      replayq: true,
      dyn: false,
      new: { bury: true, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 7], order: 1, perDay: 20, separate: true },
      rev: { bury: true, ease4: 1.3, fuzz: 0.05, ivlFct: 1, maxIvl: 36500, minSpace: 1, perDay: 200 },
      lapse: { delays: [10], leechAction: 0, leechFails: 8, minInt: 1, mult: 0 },
    },
  };
}
