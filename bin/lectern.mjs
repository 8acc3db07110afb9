#!/usr/bin/env node
// The `lectern` command: runs the bundled CLI (out/node/cli.mjs, built on first use and whenever a source
// changed), or the TypeScript sources through tsx where it cannot be built; so a clean clone works right
// after npm install.
import { runMain } from './bundle.mjs';

await runMain('cli', process.argv.slice(2));
