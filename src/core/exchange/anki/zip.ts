/**
 * A defensive zip reader for imported packages. The central directory is read first, so the number of
 * entries and their declared sizes are checked before anything is inflated; inflating then stops as soon
 * as an entry produces more than it declared or the total passes the cap (a zip bomb lies about sizes).
 * Only the entries asked for are ever inflated.
 */
import { Inflate } from 'fflate';
import { LecternError } from '../../../shared/contract';
import type { ImportLimits } from '../model';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipArchive {
  names: string[];
  has(name: string): boolean;
  /** Inflates one entry, within the archive's remaining budget. */
  read(name: string): Uint8Array;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const CHUNK = 16 * 1024;

const damaged = (why: string) => new LecternError('bad_input', `This package is damaged or truncated (${why}). Export it again and retry.`);
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

export function openZip(bytes: Uint8Array, limits: ImportLimits): ZipArchive {
  if (bytes.length > limits.maxFileBytes) {
    throw new LecternError('too_large', `This file is ${mb(bytes.length)}, over the import limit of ${mb(limits.maxFileBytes)}.`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const looksLikeZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
  if (!looksLikeZip) throw new LecternError('bad_input', 'This is not an Anki package: the file is not a zip archive.');

  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw damaged('the zip directory at the end of the file is missing');
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw new LecternError('unsupported', 'This package uses ZIP64, which no Anki package needs.');
  if (count > limits.maxEntries) {
    throw new LecternError('too_large', `This package has ${count} files, more than the ${limits.maxEntries} an import accepts.`);
  }
  if (offset + size > eocd) throw damaged('the zip directory points past the end of the file');

  const entries = new Map<string, ZipEntry>();
  let declaredTotal = 0;
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL) throw damaged('a zip directory record is broken');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localHeaderOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLength > eocd) throw damaged('a file name runs past the zip directory');
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) throw new LecternError('unsupported', 'This package is encrypted; Anki packages never are.');
    if (method !== 0 && method !== 8) throw new LecternError('unsupported', `This package compresses "${name}" with method ${method}; Anki uses stored or deflate.`);
    if (entries.has(name)) throw damaged(`"${name}" appears twice`);
    declaredTotal += uncompressedSize;
    if (declaredTotal > limits.maxUncompressedBytes) throw tooBig(limits);
    entries.set(name, { name, method, compressedSize, uncompressedSize, localHeaderOffset });
  }

  let inflatedTotal = 0;
  return {
    names: [...entries.keys()],
    has: (name) => entries.has(name),
    read(name) {
      const entry = entries.get(name);
      if (!entry) throw damaged(`"${name}" is missing`);
      const data = readEntry(bytes, view, entry, limits.maxUncompressedBytes - inflatedTotal, limits);
      inflatedTotal += data.length;
      return data;
    },
  };
}

const tooBig = (limits: ImportLimits) =>
  new LecternError('too_large', `This package unpacks to more than ${mb(limits.maxUncompressedBytes)}; it was refused before unpacking (it may be a zip bomb).`);

function findEndOfCentralDirectory(view: DataView): number {
  const stop = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= stop; i--) if (view.getUint32(i, true) === EOCD) return i;
  return -1;
}

function readEntry(bytes: Uint8Array, view: DataView, entry: ZipEntry, budget: number, limits: ImportLimits): Uint8Array {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw damaged(`the header of "${entry.name}" is broken`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw damaged(`"${entry.name}" is cut off`);
  const compressed = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw damaged(`"${entry.name}" has inconsistent sizes`);
    return compressed.slice();
  }
  const cap = Math.min(entry.uncompressedSize, budget);
  const out = new Uint8Array(cap);
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    if (produced + chunk.length > cap) {
      throw produced + chunk.length > budget ? tooBig(limits) : damaged(`"${entry.name}" unpacks to more than its declared size`);
    }
    out.set(chunk, produced);
    produced += chunk.length;
  });
  try {
    for (let i = 0; i < compressed.length; i += CHUNK) inflater.push(compressed.subarray(i, i + CHUNK), i + CHUNK >= compressed.length);
    if (compressed.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof LecternError) throw error;
    throw damaged(`"${entry.name}" cannot be unpacked: ${(error as Error).message}`);
  }
  if (produced !== entry.uncompressedSize) throw damaged(`"${entry.name}" is shorter than declared`);
  return out;
}
