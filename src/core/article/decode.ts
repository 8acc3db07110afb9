import type * as IconvLite from 'iconv-lite';
import type * as Jschardet from 'jschardet';
import { IMPORT_LIMIT_BYTES, LecternError } from '../../shared/contract';
import { lazyPackage } from '../lazy-package';

const iconv = lazyPackage<typeof IconvLite>('iconv-lite');
const jschardet = lazyPackage<typeof Jschardet>('jschardet');

export interface DecodedText {
  text: string;
  warnings: string[];
}

const MB = 1024 * 1024;

/** Formats people try to import by mistake, named so the message can say what the file is. */
const MAGIC: { name: string; bytes: number[] }[] = [
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46] },
  { name: 'a ZIP archive (or a Word/EPUB file)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'a SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65] },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function checkSize(bytes: Uint8Array): void {
  if (bytes.length > IMPORT_LIMIT_BYTES) {
    const size = (bytes.length / MB).toFixed(1);
    throw new LecternError('too_large', `This file is ${size} MB; the import limit is ${IMPORT_LIMIT_BYTES / MB} MB per file.`);
  }
  if (bytes.length === 0) throw new LecternError('bad_input', 'The file is empty.');
}

/**
 * Text never holds NUL bytes and rarely control characters; a file with them is binary.
 * Only the first 64 KB are looked at, which is enough and keeps big files cheap.
 */
function checkNotBinary(bytes: Uint8Array): void {
  const known = MAGIC.find((m) => startsWith(bytes, m.bytes));
  if (known) throw new LecternError('bad_input', `This file is ${known.name}, not text; Lectern imports plain text, Markdown and HTML.`);
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of sample) {
    if (b === 0) throw new LecternError('bad_input', 'This is a binary file, not text; Lectern imports plain text, Markdown and HTML.');
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  if (control > sample.length * 0.05) {
    throw new LecternError('bad_input', 'This is a binary file, not text; Lectern imports plain text, Markdown and HTML.');
  }
}

function utf8OrNull(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The charset an HTML page declares for itself, if any. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return match && iconv().encodingExists(match[1]!) ? match[1] : null;
}

/** Western single-byte encodings: a low detector confidence is normal for them on short texts. */
const WESTERN = /^(?:windows-1252|iso-8859-1|iso-8859-15|macroman)$/i;

function detectEncoding(bytes: Uint8Array): string | null {
  const declared = declaredCharset(bytes);
  if (declared && !/^utf-?8$/i.test(declared)) return declared;
  const guess = jschardet().detect(Buffer.from(bytes.subarray(0, 256 * 1024)));
  if (!guess.encoding || !iconv().encodingExists(guess.encoding)) return null;
  if (guess.confidence >= 0.5 || (WESTERN.test(guess.encoding) && guess.confidence > 0)) return guess.encoding;
  return null;
}

/**
 * Bytes to text: UTF-8 with or without BOM, UTF-16 with a BOM, otherwise a detected legacy encoding
 * (with a warning), otherwise a clear refusal.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  checkSize(bytes);
  if (startsWith(bytes, [0xff, 0xfe])) return { text: iconv().decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), warnings: [] };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: iconv().decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), warnings: [] };
  checkNotBinary(bytes);
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  const utf8 = utf8OrNull(body);
  if (utf8 !== null) return { text: utf8, warnings: [] };
  const encoding = detectEncoding(body);
  if (!encoding) {
    throw new LecternError('bad_input', 'This file is not UTF-8 text and its encoding could not be recognised; save it as UTF-8 and import it again.');
  }
  return {
    text: iconv().decode(Buffer.from(body), encoding),
    warnings: [`This file is not UTF-8; it was read as ${encoding}. Check that accented and special characters look right.`],
  };
}
