import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArticleFile } from '../src/core/article';
import type { Article } from '../src/shared/contract/models';
import type { ParagraphKind } from '../src/core/generate';

/** One document of the labelled set (eval/SOURCES.md gives each one's source and licence). */
export interface EvalDocument {
  id: string;
  file: string;
  /** What kind of text it is, so the set stays varied. */
  kind: string;
  /** Kept back from tuning: its cards were never looked at while the generator was changed. */
  heldOut: boolean;
}

export const DOCUMENTS: readonly EvalDocument[] = [
  { id: 'semver', file: 'semver.md', kind: 'specification', heldOut: false },
  { id: 'twelve-factor', file: 'twelve-factor.md', kind: 'methodology essay', heldOut: false },
  { id: 'dmca', file: 'dmca-takedown-policy.md', kind: 'policy', heldOut: false },
  { id: 'node-timers', file: 'node-timers.md', kind: 'API reference', heldOut: false },
  { id: 'ripgrep', file: 'ripgrep-guide.md', kind: "tool's manual", heldOut: false },
  { id: 'homeostasis', file: 'openstax-homeostasis.html', kind: 'textbook section with glossary', heldOut: false },
  { id: 'eslint', file: 'eslint-readme.md', kind: "project README with policies", heldOut: true },
  { id: 'debug', file: 'debug-readme.md', kind: 'library manual', heldOut: true },
  // added for round r3, never looked at before it was graded
  { id: 'python-license', file: 'python-license.txt', kind: 'licence file with a history section', heldOut: true },
  { id: 'stream-governance', file: 'readable-stream-governance.md', kind: 'project governance policy', heldOut: true },
  { id: 'porting-buffer', file: 'porting-buffer.md', kind: 'annotated code tutorial', heldOut: true },
  { id: 'picomatch', file: 'picomatch-readme.md', kind: 'library manual with API reference', heldOut: true },
];

export const EVAL_DIR = fileURLToPath(new URL('.', import.meta.url));

export interface LoadedDocument {
  doc: EvalDocument;
  article: Article;
  kinds: ParagraphKind[][];
}

export function loadDocument(doc: EvalDocument): LoadedDocument {
  const bytes = readFileSync(join(EVAL_DIR, 'docs', doc.file));
  const parsed = parseArticleFile(bytes, doc.file);
  return { doc, article: parsed.article, kinds: parsed.kinds };
}

/** The document as plain text, headings on their own lines: what a grader reads to list its key ideas. */
export function plainText(article: Article): string {
  const out = [article.title, ''];
  for (const section of article.sections) {
    if (section.heading) out.push(`## ${section.heading}`, '');
    for (const p of section.paragraphs) out.push(p, '');
  }
  return out.join('\n');
}

export function selectDocuments(ids: string | undefined): EvalDocument[] {
  if (!ids) return [...DOCUMENTS];
  const wanted = ids.split(',');
  const unknown = wanted.filter((id) => !DOCUMENTS.some((d) => d.id === id));
  if (unknown.length > 0) throw new Error(`unknown document: ${unknown.join(', ')}`);
  return DOCUMENTS.filter((d) => wanted.includes(d.id));
}
