import type { Article } from '../../shared/contract/models';

export type ParagraphKind = 'prose' | 'list' | 'definition' | 'quote' | 'code' | 'table';

export interface GenerateOptions {
  /**
   * Paragraph kinds parallel to `article.sections[i].paragraphs[j]`. When absent, every paragraph is taken as
   * prose, except paragraphs that look like code or table rows.
   */
  kinds?: ParagraphKind[][];
  /** Only these sections (0-based); cards for one section do not depend on which others are generated. */
  sectionIndexes?: number[];
  /** Called after each paragraph is analysed, and once at the end with done === total. */
  onProgress?: (done: number, total: number) => void;
  /** Polled before each paragraph; when it returns true, generation stops with a GenerationCancelled error. */
  shouldCancel?: () => boolean;
}

export class GenerationCancelled extends Error {
  constructor() {
    super('card generation was cancelled');
    this.name = 'GenerationCancelled';
  }
}


export const STUDY_KINDS: ReadonlySet<ParagraphKind> = new Set(['prose', 'list', 'definition', 'quote']);

/** Code: braces, semicolons at line ends, assignments, keywords, or mostly symbols. */
export function looksLikeCode(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim().length > 0);
  if (lines.length === 0) return false;
  const symbols = (text.match(/[{}();=<>[\]$#|\\]/g) ?? []).length;
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (letters === 0) return true;
  const codeLines = lines.filter(
    (l) =>
      /[;{}]\s*$/.test(l) ||
      /^\s{2,}\S/.test(l) ||
      /^\s*(?:import|export|const|let|var|function|def|class|return|if|for|while|#include|fn|pub|use|package|public|private)\b.*[({=:;]/.test(l) ||
      /=>|::|\(\)|==|!=|&&|\|\||\+\+/.test(l),
  ).length;
  if (codeLines / lines.length >= 0.5) return true;
  // several short lines none of which ends like a sentence: commands, not prose
  if (lines.length >= 2 && lines.every((l) => l.length < 100) && lines.filter((l) => /[.!?:]["')\]]?\s*$/.test(l)).length <= lines.length * 0.2) {
    return true;
  }
  if (symbols / Math.max(1, letters) > 0.12) return true;
  // a paragraph without a single space between words is an identifier or a path, not prose
  return !/\s/.test(text.trim()) && /[._/\\()]/.test(text);
}

/** A table row flattened to text: cells separated by pipes or tabs. */
export function looksLikeTableRow(text: string): boolean {
  return (text.match(/\|/g) ?? []).length >= 2 || (text.match(/\t/g) ?? []).length >= 2;
}

export function paragraphKind(article: Article, options: GenerateOptions, s: number, p: number): ParagraphKind {
  const given = options.kinds?.[s]?.[p];
  if (given) return given;
  const text = article.sections[s]!.paragraphs[p]!;
  if (options.kinds === undefined && (looksLikeCode(text) || looksLikeTableRow(text))) return 'code';
  return 'prose';
}

