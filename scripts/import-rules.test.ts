import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The import rules (.dependency-cruiser.cjs, run on the real tree by `npm run lint:imports`) against a small
 * tree laid out like src/: each deliberately bad import must be refused by the rule that names it, and each
 * good one let through, so a rule that matches nothing (as the old lint patterns did) fails here.
 */
const config = fileURLToPath(new URL('../.dependency-cruiser.cjs', import.meta.url));
let root: string;

/** The modules the imports below point at, and fake packages with the names the rules know. */
const targets = [
  'src/shared/contract.ts',
  'src/core/collection.ts',
  'src/core/storage/database.ts',
  'src/core/schedule/answering.ts',
  'src/core/rpc/dispatch.ts',
  'src/core/paths.ts',
  'src/core/clock.ts',
  'src/core/testing/refusal.ts',
  'src/core/test-helpers.ts',
  'src/main/window.ts',
  'src/server/http-host.ts',
  'src/cli/main.ts',
  'src/renderer/src/App.tsx',
];
const packages = { zod: 'dependencies', react: 'dependencies', 'better-sqlite3': 'dependencies', electron: 'devDependencies', vitest: 'devDependencies' };

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'lectern-import-rules-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  for (const path of targets) write(path, 'export const x = 1;\n');
  for (const name of Object.keys(packages)) {
    write(`node_modules/${name}/package.json`, JSON.stringify({ name, version: '1.0.0', main: 'index.js' }));
    write(`node_modules/${name}/index.js`, 'module.exports = {};\n');
  }
  const deps: Record<string, Record<string, string>> = { dependencies: {}, devDependencies: {} };
  for (const [name, kind] of Object.entries(packages)) deps[kind]![name] = '1.0.0';
  write('package.json', JSON.stringify({ name: 'fixture', type: 'module', ...deps }));
  write('tsconfig.node.json', JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'bundler', allowImportingTsExtensions: true } }));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes one file with one import and returns the names of the rules its import breaks. */
async function brokenRules(file: string, importLine: string): Promise<string[]> {
  const path = join(root, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${importLine}\nexport const used = [];\n`);
  try {
    const options = await extractDepcruiseOptions(config);
    const cwd = process.cwd();
    process.chdir(root); // the config names its tsconfig relative to the working folder, as the CLI reads it
    let result: ICruiseResult;
    try {
      const output = await cruise([file], { ...options, baseDir: root, validate: true, outputType: 'json' });
      result = (typeof output.output === 'string' ? JSON.parse(output.output) : output.output) as ICruiseResult;
    } finally {
      process.chdir(cwd);
    }
    return result.summary.violations.filter((v) => v.from === file).map((v) => v.rule.name);
  } finally {
    rmSync(path);
  }
}

const cases: [file: string, importLine: string, rule: string | null][] = [
  // The Electron host: through the door only.
  ['src/main/bad.ts', "import { x } from '../core/collection';", 'main-through-the-door'],
  ['src/main/bad.ts', "import type { x } from '../core/storage/database';", 'main-through-the-door'],
  ['src/main/bad.ts', "import { x } from '../server/http-host';", 'main-through-the-door'],
  ['src/main/bad.ts', "import React from 'react';", 'main-through-the-door'],
  ['src/main/ok.ts', "import { x } from '../core/rpc/dispatch';\nimport { app } from 'electron';\nimport { join } from 'node:path';", null],
  ['src/main/ok.ts', "import { x } from '../core/paths';\nimport { y } from '../core/clock';\nimport { z } from '../shared/contract';", null],
  // The web host: through the door only, no Electron.
  ['src/server/bad.ts', "import { x } from '../core/schedule/answering';", 'server-through-the-door'],
  ['src/server/bad.ts', "import { app } from 'electron';", 'server-through-the-door'],
  ['src/server/bad.ts', "import { x } from '../main/window';", 'server-through-the-door'],
  ['src/server/ok.ts', "import { x } from '../core/rpc/dispatch';\nimport { createServer } from 'node:http';", null],
  // The preload: shared and electron only.
  ['src/preload/bad.ts', "import { readFileSync } from 'node:fs';", 'preload-is-narrow'],
  ['src/preload/bad.ts', "import { x } from '../core/rpc/dispatch';", 'preload-is-narrow'],
  ['src/preload/ok.ts', "import { contextBridge } from 'electron';\nimport { x } from '../shared/contract';", null],
  // The contract: zod only.
  ['src/shared/bad.ts', "import { x } from '../core/collection';", 'shared-is-the-contract'],
  ['src/shared/bad.ts', "import { join } from 'node:path';", 'shared-is-the-contract'],
  ['src/shared/ok.ts', "import { z } from 'zod';\nimport { x } from './contract';", null],
  // The core: no host, no UI, no Electron, no HTTP server.
  ['src/core/bad.ts', "import { x } from '../server/http-host';", 'core-knows-no-host'],
  ['src/core/bad.ts', "import { x } from '../renderer/src/App';", 'core-knows-no-host'],
  ['src/core/bad.ts', "import { createServer } from 'node:http';", 'core-no-ui-electron-http'],
  ['src/core/bad.ts', "import React from 'react';", 'core-no-ui-electron-http'],
  ['src/core/ok.ts', "import Database from 'better-sqlite3';\nimport { z } from 'zod';\nimport { x } from '../shared/contract';\nimport { readFileSync } from 'node:fs';", null],
  // The CLI: the core, shared and Node.
  ['src/cli/bad.ts', "import { x } from '../server/http-host';", 'cli-drives-the-core'],
  ['src/cli/bad.ts', "import { app } from 'electron';", 'cli-drives-the-core'],
  ['src/cli/ok.ts', "import { x } from '../core/collection';\nimport { parseArgs } from 'node:util';", null],
  // The renderer: the bridge only.
  ['src/renderer/src/bad.ts', "import { x } from '../../core/rpc/dispatch';", 'renderer-through-the-bridge'],
  ['src/renderer/src/bad.ts', "import { readFileSync } from 'node:fs';", 'renderer-through-the-bridge'],
  ['src/renderer/src/bad.ts', "import { ipcRenderer } from 'electron';", 'renderer-through-the-bridge'],
  ['src/renderer/src/ok.ts', "import React from 'react';\nimport { x } from '../../shared/contract';", null],
  // Everywhere: no test code, no devDependency, nothing unresolvable in the product.
  ['src/core/bad.ts', "import { x } from './testing/refusal';", 'no-test-code-in-product'],
  ['src/core/bad.ts', "import { x } from './test-helpers';", 'no-test-code-in-product'],
  ['src/core/bad.ts', "import { it } from 'vitest';", 'no-dev-dependency-in-product'],
  ['src/core/bad.ts', "import { x } from './no-such-module';", 'no-unresolvable'],
  ['src/core/bad.test.ts', "import { it } from 'vitest';\nimport { x } from './testing/refusal';", null],
];

describe('import rules', () => {
  it.each(cases)('%s: %s → %s', async (file, importLine, rule) => {
    const broken = await brokenRules(file, importLine);
    if (rule) expect(broken).toContain(rule);
    else expect(broken).toEqual([]);
  });
});
