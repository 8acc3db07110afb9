#!/usr/bin/env node
// Runs a TypeScript entry point from the sources (through tsx), calling its exported main(argv).
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

export async function runEntry(entry, argv) {
  register();
  const module = await import(pathToFileURL(entry).href);
  const code = await module.main(argv);
  if (typeof code === 'number') process.exitCode = code;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [entry, ...argv] = process.argv.slice(2);
  if (!entry) {
    console.error('usage: run-ts.mjs <file.ts> [args…]');
    process.exit(1);
  }
  await runEntry(resolve(entry), argv);
}
