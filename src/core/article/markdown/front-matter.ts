import { type ArticleMeta } from '../../../shared/contract';

export interface FrontMatter {
  title: string | null;
  meta: ArticleMeta;
  /** The document with the front matter removed. */
  body: string;
}

const BLOCK = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Which front-matter keys feed which metadata field; the first key found wins. */
const META_KEYS: [keyof ArticleMeta, string[]][] = [
  ['dek', ['description', 'summary', 'subtitle', 'excerpt', 'abstract', 'dek']],
  ['author', ['author', 'authors', 'by']],
  ['date', ['date', 'published', 'pubdate', 'created']],
  ['category', ['category', 'categories', 'section']],
  ['source', ['canonical_url', 'canonical', 'source', 'url']],
];

function unquote(value: string): string {
  const v = value.trim();
  return /^(["']).*\1$/.test(v) ? v.slice(1, -1) : v;
}

/**
 * YAML front matter between `---` lines. Only top-level `key: value` scalars are read: that is
 * all the metadata needs, and it avoids a YAML dependency.
 */
export function readFrontMatter(source: string): FrontMatter {
  const match = BLOCK.exec(source);
  if (!match) return { title: null, meta: {}, body: source };
  const fields = new Map<string, string>();
  for (const line of match[1]!.split(/\r?\n/)) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (kv && kv[2]!.trim() && !/^[|>[{]/.test(kv[2]!.trim())) fields.set(kv[1]!.toLowerCase(), unquote(kv[2]!));
  }
  const meta: ArticleMeta = {};
  for (const [field, keys] of META_KEYS) {
    const key = keys.find((k) => fields.has(k));
    if (key) meta[field] = fields.get(key)!;
  }
  // Keep line numbers stable for markdown-it by blanking rather than cutting the block.
  const body = match[0].replace(/[^\n]/g, '') + source.slice(match[0].length);
  return { title: fields.get('title') ?? null, meta, body };
}
