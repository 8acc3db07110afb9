/**
 * Anki's `sfld` and `csum` (ANKI-FORMAT.md §5): `strip_html_preserving_media_filenames` and the first
 * 4 bytes of its SHA-1. Anki recomputes both on import, but a correct file is what the tests hold us to.
 */
import { createHash } from 'node:crypto';

// rslib text.rs HTML_MEDIA_TAGS: a media tag becomes " filename ".
const MEDIA_TAG =
  /<\b(?:img|audio|video|object|source)\b(?:[^>"']|"[^"]*?"|'[^']*?')*?\b(?:src|data)\b=(?:"([^"]+?)"[^>]*>|'([^']+?)'[^>]*>|([^ >]+?)(?: [^>]*>|>))/gis;
// rslib text.rs HTML: comments, style and script blocks, then any tag.
const TAGS = /<!--.*?-->|<style.*?>.*?<\/style>|<script.*?>.*?<\/script>|<.*?>/gis;

const STRICT_NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: '\u00a0' };

/**
 * Anki decodes with the `htmlescape` crate, which is all-or-nothing: one malformed or unknown entity
 * leaves the whole string as it was (NBSP included). Named entities beyond the few Lectern writes are
 * treated as unknown; Anki knows more of them, and recomputes the value on import anyway.
 */
function decodeStrict(text: string): string {
  if (!text.includes('&')) return text;
  let failed = false;
  const decoded = text.replace(/&([^;&]*);?/g, (whole, body: string) => {
    if (!whole.endsWith(';')) {
      failed = true;
      return whole;
    }
    let value: string | undefined;
    if (/^#[0-9]+$/.test(body)) value = codePoint(parseInt(body.slice(1), 10));
    else if (/^#[xX][0-9a-fA-F]+$/.test(body)) value = codePoint(parseInt(body.slice(2), 16));
    else value = STRICT_NAMED[body];
    if (value === undefined) failed = true;
    return value ?? whole;
  });
  return failed ? text : decoded.replace(/\u00a0/g, ' ');
}

function codePoint(code: number): string | undefined {
  if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  return String.fromCodePoint(code);
}

export function stripHtmlPreservingMediaFilenames(html: string): string {
  const withoutMedia = html.replace(MEDIA_TAG, (_whole, a?: string, b?: string, c?: string) => ` ${a ?? ''}${b ?? ''}${c ?? ''} `);
  return decodeStrict(withoutMedia.replace(TAGS, ''));
}

/** `notes.csum`: always of the first field. */
export function fieldChecksum(firstField: string): number {
  const hex = createHash('sha1').update(stripHtmlPreservingMediaFilenames(firstField), 'utf8').digest('hex');
  return parseInt(hex.slice(0, 8), 16);
}
