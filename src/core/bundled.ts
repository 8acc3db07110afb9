import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseArticleFile, SUPPORTED_EXTENSIONS } from './article';
import type { Collection } from './collection';
import { storeParsedArticle } from './library/import';

export function bundledArticlesDir(resourcesDir: string): string {
  return join(resourcesDir, 'articles');
}

/** Adds the article(s) shipped in resources/articles to a collection a host has just created. */
export function addBundledArticles(collection: Collection, resourcesDir: string): string[] {
  const dir = bundledArticlesDir(resourcesDir);
  const files = readdirSync(dir)
    .filter((name) => SUPPORTED_EXTENSIONS.includes(extname(name).toLowerCase()))
    .sort();
  return files.map((file) => {
    const parsed = parseArticleFile(readFileSync(join(dir, file)), file);
    return storeParsedArticle(collection, parsed, `lectern:bundled/${file}`, true).articleId;
  });
}
