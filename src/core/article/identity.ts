import { createHash } from 'node:crypto';

/**
 * Import identity (INTERFACES.md): the same normalised text is the same article. Normalising
 * ignores line-ending style, trailing spaces, runs of blank lines and Unicode composition.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00A0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function textHash(text: string): string {
  return createHash('sha256').update(normaliseText(text), 'utf8').digest('hex');
}
