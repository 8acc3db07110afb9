/**
 * Anki's text files with headers (ANKI-FORMAT.md §11). Export names Anki's stock note types "Basic"
 * (Front, Back) and "Cloze" (Text, Back Extra), so any Anki imports it; the source passage and article
 * title only travel in .apkg and Lectern JSON. Import reads any Anki CSV/TSV with headers.
 */
import { createHash } from 'node:crypto';
import { LecternError } from '../../shared/contract';
import { cardIdFromGuid } from './anki/guid';
import { clozeForNumber, clozeNumbers } from '../cards/cloze';
import { formatCell, parseRecords, type CsvRecord } from './delimited';
import { htmlToPlain } from './html';
import { DEFAULT_IMPORT_LIMITS, type AnkiCardDraft, type AnkiImportModel, type AnkiPackageModel, type ImportLimits } from './model';

export type CsvSeparator = 'tab' | 'comma';

const SEPARATOR_CHAR: Record<CsvSeparator, string> = { tab: '\t', comma: ',' };

// A spreadsheet runs a cell starting with one of these as a formula; Anki (#html:true) shows the entity
// as the character, so the card reads the same and the spreadsheet sees text.
const FORMULA_ENTITY: Record<string, string> = { '=': '&#61;', '+': '&#43;', '-': '&#45;', '@': '&#64;', '\t': '&#9;', '\r': '&#13;' };

/** An HTML field cell: its formula-starting character becomes an entity. */
export function defuseHtmlCell(cell: string): string {
  const entity = FORMULA_ENTITY[cell[0] ?? ''];
  return entity ? entity + cell.slice(1) : cell;
}

/**
 * Deck and tag cells are not HTML, so an entity would stay visible: they get a leading space instead,
 * which spreadsheets read as text and Anki trims (deck levels) or splits away (tags).
 */
function defusePlainCell(cell: string): string {
  const clean = cell.replace(/[\t\r\n]/g, ' ');
  return FORMULA_ENTITY[clean[0] ?? ''] ? ` ${clean}` : clean;
}

export function writeAnkiCsv(pkg: AnkiPackageModel, options: { separator: CsvSeparator }): string {
  const sep = SEPARATOR_CHAR[options.separator];
  const lines = [`#separator:${options.separator}`, '#html:true', '#guid column:1', '#notetype column:2', '#deck column:3', '#tags column:6'];
  for (const note of pkg.notes) {
    const tags = note.tags.map((t) => t.trim().replace(/\s+/g, '_')).filter(Boolean).join(' ');
    const cells = [
      note.guid,
      note.kind === 'cloze' ? 'Cloze' : 'Basic',
      defusePlainCell(note.deck),
      defuseHtmlCell(note.fields[0]),
      defuseHtmlCell(note.fields[1]),
      defusePlainCell(tags),
    ];
    lines.push(cells.map((c) => formatCell(c, sep)).join(sep));
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------
// Reading

const KNOWN_HEADERS = new Set([
  'separator',
  'html',
  'tags',
  'columns',
  'notetype',
  'deck',
  'notetype column',
  'deck column',
  'tags column',
  'guid column',
  'match scope',
  'if matches',
]);

const NAMED_SEPARATORS: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', space: ' ', pipe: '|', colon: ':' };

interface Headers {
  values: Map<string, string>;
  /** Where the records start. */
  bodyOffset: number;
  bodyLine: number;
}

function readHeaders(text: string): Headers {
  const values = new Map<string, string>();
  let offset = 0;
  let line = 1;
  for (;;) {
    const end = text.indexOf('\n', offset);
    const raw = text.slice(offset, end < 0 ? text.length : end).replace(/\r$/, '');
    const historicTags = line === 1 && /^tags:/i.test(raw);
    if (!raw.startsWith('#') && !historicTags) break;
    const match = /^#?([^:]*):(.*)$/.exec(raw);
    if (match) {
      const key = match[1]!.trim().toLowerCase();
      if (!KNOWN_HEADERS.has(key)) {
        throw new LecternError('bad_input', `Line ${line}: "#${match[1]!.trim()}" is not an Anki file header (known: ${[...KNOWN_HEADERS].join(', ')}).`);
      }
      values.set(key, match[2]!.trim());
    }
    if (end < 0) return { values, bodyOffset: text.length, bodyLine: line + 1 };
    offset = end + 1;
    line += 1;
  }
  return { values, bodyOffset: offset, bodyLine: line };
}

function separatorOf(headers: Map<string, string>, body: string): string {
  const declared = headers.get('separator');
  if (declared !== undefined) {
    const sep = NAMED_SEPARATORS[declared.toLowerCase()] ?? (declared.length === 1 ? declared : undefined);
    if (sep === undefined) throw new LecternError('bad_input', `"#separator:${declared}" is not a separator Anki knows.`);
    return sep;
  }
  // Anki's guess: the first of these found in the first 8 KiB.
  const sample = body.slice(0, 8192);
  return ['\t', '|', ';', ':', ',', ' '].find((c) => sample.includes(c)) ?? '\t';
}

function columnHeader(headers: Map<string, string>, key: string, width: number): number | null {
  const value = headers.get(key);
  if (value === undefined) return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > width) throw new LecternError('bad_input', `"#${key}:${value}" does not name one of the ${width} columns.`);
  return n - 1;
}

export function readAnkiCsv(text: string, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): AnkiImportModel {
  if (Buffer.byteLength(text, 'utf8') > limits.maxFileBytes) {
    throw new LecternError('too_large', `This file is over the import limit of ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB.`);
  }
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { values: headers, bodyOffset, bodyLine } = readHeaders(source);
  const body = source.slice(bodyOffset);
  const sep = separatorOf(headers, body);
  const records = parseRecords(body, sep, bodyLine);
  if (records.length === 0) return { cards: [], decks: [], warnings: ['The file has no notes.'] };

  const width = records[0]!.cells.length;
  for (const r of records) {
    if (r.cells.length !== width) throw new LecternError('bad_input', `Line ${r.line} has ${r.cells.length} columns, but the first row has ${width}.`);
  }
  const names = headers.has('columns') ? headers.get('columns')!.split(sep).map((c) => c.trim()) : null;
  if (names && names.length !== width) throw new LecternError('bad_input', `"#columns" names ${names.length} columns, but the rows have ${width}.`);

  const notetypeCol = columnHeader(headers, 'notetype column', width);
  const deckCol = columnHeader(headers, 'deck column', width);
  const guidCol = columnHeader(headers, 'guid column', width);
  let tagsCol = columnHeader(headers, 'tags column', width);
  if (tagsCol === null && names) {
    const i = names.findIndex((n) => n.toLowerCase() === 'tags');
    if (i >= 0) tagsCol = i;
  }
  const meta = new Set([notetypeCol, deckCol, guidCol, tagsCol].filter((c): c is number => c !== null));
  const fieldCols = [...Array(width).keys()].filter((i) => !meta.has(i));
  if (fieldCols.length === 0) throw new LecternError('bad_input', 'The file has no field columns, only note type, deck, tags or GUID columns.');

  const html = headers.get('html')?.toLowerCase();
  const toPlain = (cell: string) => (html === 'false' ? cell.trim() : html === 'true' || /<[a-z/!][^>]*>|&[#a-z0-9]+;/i.test(cell) ? htmlToPlain(cell) : cell.trim());
  const fileTags = (headers.get('tags') ?? '').split(/\s+/).filter(Boolean);

  const cards: AnkiCardDraft[] = [];
  let skipped = 0;
  for (const record of records) {
    const result = recordToDrafts(record, {
      fieldCols,
      notetype: notetypeCol !== null ? record.cells[notetypeCol]! : (headers.get('notetype') ?? null),
      deck: deckCol !== null ? record.cells[deckCol]!.trim() || null : (headers.get('deck') ?? null),
      guid: guidCol !== null ? record.cells[guidCol]!.trim() : '',
      tags: [...fileTags, ...(tagsCol !== null ? record.cells[tagsCol]!.split(/\s+/).filter(Boolean) : [])],
      toPlain,
    });
    cards.push(...result);
    if (result.length === 0) skipped += 1;
  }
  const decks = [...new Set(cards.map((c) => c.deck).filter((d): d is string => d !== null))].sort();
  return { cards, decks, warnings: skipped > 0 ? [`${skipped} row(s) were skipped: they have no text to study.`] : [] };
}

interface RowContext {
  fieldCols: number[];
  notetype: string | null;
  deck: string | null;
  guid: string;
  tags: string[];
  toPlain: (cell: string) => string;
}

function recordToDrafts(record: CsvRecord, row: RowContext): AnkiCardDraft[] {
  const first = record.cells[row.fieldCols[0]!]!;
  const second = row.fieldCols.length > 1 ? record.cells[row.fieldCols[1]!]! : '';
  // Without a note type, a first field with deletions is a cloze note.
  const cloze = row.notetype !== null ? /cloze/i.test(row.notetype) : clozeNumbers(first).length > 0;
  // Rows without a GUID are known by their content, so importing the same file twice matches them.
  const guid = row.guid || `csv:${createHash('sha1').update(record.cells.join('\x1f'), 'utf8').digest('hex').slice(0, 20)}`;
  const base = { lecternCardId: row.guid ? cardIdFromGuid(row.guid) : null, deck: row.deck, tags: [...new Set(row.tags)], schedule: null, reviews: [] };
  if (cloze) {
    const extra = row.toPlain(second);
    return clozeNumbers(first).map((n) => ({
      ...base,
      origin: { guid, ord: n - 1 },
      kind: 'cloze' as const,
      text: row.toPlain(clozeForNumber(first, n)),
      ...(extra ? { extra } : {}),
    }));
  }
  const front = row.toPlain(first);
  if (!front) return [];
  return [{ ...base, origin: { guid, ord: 0 }, kind: 'qa', front, back: row.toPlain(second) }];
}
