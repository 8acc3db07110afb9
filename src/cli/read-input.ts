import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { IMPORT_LIMIT_BYTES } from '../shared/contract';
import { refuse } from './errors';

/** Reads the file a command names, refusing (exit 1) a missing, unreadable or oversize one. */
export function readInputFile(positionals: string[], usage: string): { bytes: Uint8Array; path: string; name: string } {
  const [file, ...rest] = positionals;
  if (!file) refuse(`Name a file.\nUsage: ${usage}`);
  if (rest.length > 0) refuse(`Give one file at a time (also got ${rest.join(' ')}).`);
  const path = resolve(file);
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) refuse(`${file} is not a file.`);
    size = stat.size;
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') refuse(`${file} does not exist.`);
    throw error;
  }
  if (size > IMPORT_LIMIT_BYTES) {
    refuse(`${file} is ${(size / 1024 / 1024).toFixed(1)} MB; the import limit is ${IMPORT_LIMIT_BYTES / 1024 / 1024} MB.`);
  }
  return { bytes: readFileSync(path), path, name: basename(path) };
}
