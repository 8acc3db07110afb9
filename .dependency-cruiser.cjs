// The import rules of docs/architecture.md, checked on the resolved import graph (type-only imports and
// require() included) by dependency-cruiser: `npm run lint:imports`, a step of `npm test`.
// src/boundaries.test.ts proves each rule refuses a bad import and lets a good one through.

/**
 * Test code: tests, and the helpers only tests import (named test-*.ts or *-fixtures.ts, or kept in a testing/ or
 * test-support/ folder). It may reach anything; product code may not reach it.
 */
const TEST = '(\\.test\\.tsx?|/test-[^/]+\\.tsx?|-fixtures\\.ts|/test-support/.+|/testing/.+)$';
/** The core's public face for the desktop app and the web host: one door (rpc), the data folder and the clock. */
const HOST_DOOR = ['^src/core/rpc/', '^src/core/(paths|clock)\\.ts$'];
const product = (folder) => ({ path: `^src/${folder}/`, pathNot: TEST });

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-the-contract',
      comment: 'src/shared holds the contract only: zod and plain TypeScript, nothing from Node, a host or the core.',
      severity: 'error',
      from: product('shared'),
      to: { pathNot: ['^src/shared/', '^node_modules/zod/'] },
    },
    {
      name: 'core-knows-no-host',
      comment: 'src/core is the domain: it never imports a host (main, preload, server, cli) or the renderer.',
      severity: 'error',
      from: product('core'),
      to: { path: '^src/(main|preload|server|cli|renderer)/' },
    },
    {
      name: 'core-no-ui-electron-http',
      comment: 'src/core runs on plain Node: no Electron, no React, no HTTP server.',
      severity: 'error',
      from: product('core'),
      to: { path: ['^node_modules/(electron|react|react-dom)/', '^(node:)?(http|https|http2)$'] },
    },
    {
      name: 'main-through-the-door',
      comment: 'The Electron host reaches the core only through core/rpc, core/paths and core/clock; besides that, shared, electron and Node.',
      severity: 'error',
      from: product('main'),
      to: { pathNot: ['^src/main/', '^src/shared/', ...HOST_DOOR, '^node_modules/electron/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'preload-is-narrow',
      comment: 'The preload exposes one narrow bridge: shared and electron only (no Node, no core).',
      severity: 'error',
      from: product('preload'),
      to: { pathNot: ['^src/preload/', '^src/shared/', '^node_modules/electron/'] },
    },
    {
      name: 'server-through-the-door',
      comment: 'The web host reaches the core only through core/rpc, core/paths and core/clock; besides that, shared and Node.',
      severity: 'error',
      from: product('server'),
      to: { pathNot: ['^src/server/', '^src/shared/', ...HOST_DOOR], dependencyTypesNot: ['core'] },
    },
    {
      name: 'cli-drives-the-core',
      comment: 'The CLI drives the core and knows no other host: core, shared and Node only.',
      severity: 'error',
      from: product('cli'),
      to: { pathNot: ['^src/(cli|core|shared)/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'renderer-through-the-bridge',
      comment: 'The renderer talks to the core only through the bridge: shared and browser packages; no core, host, Electron, SQLite or Node.',
      severity: 'error',
      from: product('renderer'),
      to: { pathNot: ['^src/(renderer|shared)/', '^node_modules/(?!(electron|better-sqlite3)/)'] },
    },
    {
      name: 'no-test-code-in-product',
      comment: 'Product code never imports a test or a test helper.',
      severity: 'error',
      from: { path: '^src/', pathNot: TEST },
      to: { path: TEST },
    },
    {
      name: 'no-dev-dependency-in-product',
      comment: 'Only the Electron host and its preload may import a devDependency (electron itself); npm install --omit=dev must run everything else.',
      severity: 'error',
      from: { path: '^src/', pathNot: [TEST, '^src/(main|preload)/'] },
      to: { dependencyTypes: ['npm-dev'] },
    },
    {
      name: 'no-unresolvable',
      comment: 'Every import resolves to a file or a package (a typo or a missing dependency otherwise passes unnoticed until run time).',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^out/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
