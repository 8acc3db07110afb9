import type { ArticleFormat, ImportSummary } from '../../../../shared/contract';
import { call } from '../../core-client/client';

/** The formats the importer reads; the file picker offers nothing else. */
export const IMPORT_ACCEPT = '.txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** Sends a file's raw bytes, so the core can detect its encoding and refuse a binary file. */
export async function importFile(file: File): Promise<ImportSummary> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return call('article.import', {
    fileName: file.name,
    source: `file:${file.name}`,
    content: { encoding: 'base64', data: toBase64(bytes) },
  });
}

export async function importPasted(text: string, format: ArticleFormat): Promise<ImportSummary> {
  return call('article.import', { fileName: null, source: null, format, content: { encoding: 'utf8', text } });
}

export function describeImport(summary: ImportSummary): string {
  const cards = summary.generationJob ? 'cards being written' : `${summary.cards} card${summary.cards === 1 ? '' : 's'}`;
  const counts = `${summary.sections} section${summary.sections === 1 ? '' : 's'}, ${cards}`;
  const head =
    summary.outcome === 'unchanged'
      ? `“${summary.title}” is already in your library; nothing changed.`
      : summary.outcome === 'updated'
        ? `Updated “${summary.title}” (${counts}).`
        : `Imported “${summary.title}” (${counts}).`;
  return summary.warnings.length > 0 ? `${head} ${summary.warnings.join(' ')}` : head;
}

/** Reads pasted content, preferring the HTML a browser puts beside the plain text. */
export function pastedContent(data: DataTransfer): { text: string; format: ArticleFormat } | null {
  const html = data.getData('text/html');
  if (html.trim()) return { text: html, format: 'html' };
  const text = data.getData('text/plain');
  return text.trim() ? { text, format: 'text' } : null;
}
