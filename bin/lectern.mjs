#!/usr/bin/env node
// The `lectern` command: runs the CLI from its TypeScript sources, so a clean clone works right after npm install.
import { fileURLToPath } from 'node:url';
import { runEntry } from './run-ts.mjs';

await runEntry(fileURLToPath(new URL('../src/cli/main.ts', import.meta.url)), process.argv.slice(2));
