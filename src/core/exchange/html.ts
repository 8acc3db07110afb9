/**
 * Lectern card text is plain text; Anki fields are HTML. These two conversions are inverse for plain text
 * (escape → toPlain gives the text back), which is what makes the Anki round trips lossless.
 */

/** Plain text → HTML field content. Newlines become `<br>`, since Anki drops raw line breaks on display. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r?\n/g, '<br>');
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Lenient decoding for reading other people's decks: unknown entities stay as written. */
export function decodeEntitiesLenient(text: string): string {
  return text.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);/g, (whole, body: string) => {
    const decoded = decodeEntity(body);
    return decoded ?? whole;
  });
}

export function decodeEntity(body: string): string | undefined {
  if (body.startsWith('#')) {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!Number.isFinite(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
    return String.fromCodePoint(code);
  }
  return NAMED[body];
}

/** What a reader of the card would see, as plain text: tags dropped, breaks kept, media named nowhere. */
export function htmlToPlain(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(style|script)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/\[sound:[^\]]*\]/g, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(div|p|li|h[1-6]|tr)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntitiesLenient(text)
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Whether a field refers to media Lectern cannot keep (pictures, sounds). */
export function mentionsMedia(html: string): boolean {
  return /<(img|audio|video|object|source)\b/i.test(html) || /\[sound:[^\]]*\]/.test(html);
}
