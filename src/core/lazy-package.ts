import { createRequire } from 'node:module';

const requireHere = createRequire(import.meta.url);

/**
 * A package loaded on its first use instead of at start-up. The parsing libraries (encodings, HTML,
 * Markdown) are large; the CLI and the hosts start without reading them, and a command that never parses a
 * file never loads them. Returns what `require` gives (a package's CommonJS export).
 */
export function lazyPackage<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireHere(name) as T);
}
