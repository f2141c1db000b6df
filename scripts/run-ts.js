#!/usr/bin/env node
// Runs a TypeScript entry point without a build step: swc transpiles on load and
// honours tsconfig paths and decorator metadata (see docs/adr/0003-runtime-and-build.md).
const path = require('node:path');
process.env.SWC_NODE_PROJECT ??= path.join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');
const entry = process.argv[2];
if (!entry) {
  console.error('usage: run-ts <file.ts> [args...]');
  process.exit(2);
}
process.argv.splice(1, 1);
require(path.resolve(entry));
