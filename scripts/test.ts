/**
 * `npm test`: lint (ESLint + Prettier), typecheck, then every unit, integration and end-to-end test.
 * Ends with one line `N passed, N failed` over everything that ran (lint and typecheck count as one check each).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { missingPrerequisites } from './prerequisites';

const root = join(__dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const extraJestArgs = process.argv.slice(2);

interface Check {
  name: string;
  ok: boolean;
}

function run(name: string, command: string, args: string[]): Check {
  console.log(`\n=== ${name}: ${[command.replace(`${root}/node_modules/.bin/`, ''), ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  const ok = result.status === 0;
  console.log(`=== ${name}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return { name, ok };
}

interface JestTotals {
  passed: number;
  failed: number;
  ok: boolean;
}

function runJest(project: string, args: string[]): JestTotals {
  mkdirSync(join(root, 'tmp'), { recursive: true });
  const resultsFile = join(root, 'tmp', `jest-results-${project}.json`);
  const jestArgs = [
    '--selectProjects',
    project,
    '--json',
    `--outputFile=${resultsFile}`,
    ...args,
    ...extraJestArgs,
  ];
  const check = run(`tests (${project})`, bin('jest'), jestArgs);
  try {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numRuntimeErrorTestSuites: number;
    };
    return {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      ok: check.ok,
    };
  } catch {
    return { passed: 0, failed: 1, ok: false };
  }
}

async function main(): Promise<void> {
  const missing = await missingPrerequisites({
    databaseUrl: process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    natsUrl: process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222',
    chromium: true,
    provide: true,
  });
  if (missing.length > 0) {
    console.log(`npm test needs:\n${missing.map((line) => `  - ${line}`).join('\n')}`);
    console.log(`\n0 passed, ${missing.length} failed`);
    process.exit(1);
  }

  // The module-boundary lint rule reads Nx's project graph; compute it first (a clean checkout has none).
  process.env.NX_DAEMON ??= 'false';
  const graph = run('project graph', bin('nx'), ['show', 'projects']);
  const checks = [
    graph,
    run('lint', bin('eslint'), ['.', '--max-warnings=0']),
    run('format', bin('prettier'), ['--check', '.', '--log-level', 'warn']),
    run('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']),
    run('typecheck spa', bin('tsc'), ['-p', 'apps/admin-spa/tsconfig.json', '--noEmit']),
  ];
  // Load tests (timing bounds under storms) run after the suite, one file at a time, on a quiet machine.
  const runs = [runJest('suite', []), runJest('load', ['--runInBand'])];
  const passed =
    runs.reduce((sum, tests) => sum + tests.passed, 0) + checks.filter((check) => check.ok).length;
  const failed =
    runs.reduce((sum, tests) => sum + tests.failed + (tests.ok || tests.failed > 0 ? 0 : 1), 0) +
    checks.filter((check) => !check.ok).length;
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

void main();
