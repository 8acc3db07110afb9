/**
 * Note GUIDs: the note's identity in Anki, so exporting again updates the notes instead of duplicating
 * them. Derived from the Lectern card id, never from the content, so edits keep the GUID. Plain
 * alphanumerics (base62), so CSV cells holding them never look like formulas.
 *
 * A UUID id (what Lectern issues) is encoded reversibly ("L" + 22 base62 digits), so importing a package
 * Lectern exported finds the cards it came from; any other id is hashed ("H" + 22 digits).
 */
import { createHash } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const DIGITS = 22; // 62^22 > 2^128
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function toBase62(value: bigint): string {
  let out = '';
  for (let i = 0; i < DIGITS; i++) {
    out = ALPHABET[Number(value % 62n)]! + out;
    value /= 62n;
  }
  return out;
}

function fromBase62(text: string): bigint | null {
  let value = 0n;
  for (const ch of text) {
    const digit = ALPHABET.indexOf(ch);
    if (digit < 0) return null;
    value = value * 62n + BigInt(digit);
  }
  return value;
}

export function guidForCardId(cardId: string): string {
  const lower = cardId.toLowerCase();
  if (UUID.test(lower) && lower === cardId) return `L${toBase62(BigInt(`0x${lower.replace(/-/g, '')}`))}`;
  const digest = createHash('sha256').update(cardId, 'utf8').digest('hex').slice(0, 32);
  return `H${toBase62(BigInt(`0x${digest}`))}`;
}

/** The Lectern card id a GUID was made from, or null for any other GUID. */
export function cardIdFromGuid(guid: string): string | null {
  if (guid.length !== DIGITS + 1 || guid[0] !== 'L') return null;
  const value = fromBase62(guid.slice(1));
  if (value === null || value >= 1n << 128n) return null;
  const hex = value.toString(16).padStart(32, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
