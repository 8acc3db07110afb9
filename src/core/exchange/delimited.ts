/**
 * RFC 4180 records, as Anki's text import reads them (the Rust `csv` crate): `"…"` quoting with `""` for a
 * quote, line breaks allowed inside quotes, CRLF or LF, blank lines ignored, and every line that starts
 * with `#` outside quotes a comment. No CSV package is installed; this is small enough to own.
 */
import { LecternError } from '../../shared/contract';

export interface CsvRecord {
  /** 1-based line where the record starts, for error messages. */
  line: number;
  cells: string[];
}

export function parseRecords(text: string, separator: string, firstLine = 1): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = firstLine;
  let recordLine = line;
  let atRecordStart = true;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    atRecordStart = true;
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (atRecordStart) {
      recordLine = line;
      if (ch === '#') {
        // A comment runs to the end of its line.
        const end = text.indexOf('\n', i);
        i = end < 0 ? text.length : end + 1;
        line += 1;
        continue;
      }
      atRecordStart = false;
    }
    if (ch === '"' && cell === '') {
      const start = line;
      i += 1;
      for (;;) {
        if (i >= text.length) throw new LecternError('bad_input', `The file has a quote opened on line ${start} that is never closed.`);
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (c === '\n') line += 1;
        cell += c;
        i += 1;
      }
      // Text after a closing quote is kept as the csv crate does (rare, and harmless).
      continue;
    }
    if (ch === separator) {
      cells.push(cell);
      cell = '';
      i += 1;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      i += 1;
    } else if (ch === '\n') {
      endRecord();
      line += 1;
      i += 1;
    } else {
      cell += ch;
      i += 1;
    }
  }
  if (!atRecordStart || cell !== '' || cells.length > 0) endRecord();
  return records;
}

/** Quotes a cell only when it must be: it holds the separator, a quote or a line break. */
export function formatCell(cell: string, separator: string): string {
  if (cell.includes(separator) || /["\r\n]/.test(cell)) return `"${cell.replace(/"/g, '""')}"`;
  return cell;
}
