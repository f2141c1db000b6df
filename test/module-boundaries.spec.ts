import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

/**
 * The layering rules of eslint.config.mjs (ADR 0184), proven on files that break them: each fixture under
 * boundaries/fixtures is linted with the workspace configuration as if it sat at its `lint-as` path (so the
 * rule for that project applies) and must be refused by the rule it names, and only by it; the
 * `expect: nothing` fixtures show that declared uses pass. `npm run lint` itself ignores the fixtures.
 */
const root = resolve(__dirname, '..');

interface LintedFixture {
  name: string;
  lintAs?: string;
  expected?: string;
  messages: { ruleId: string | null; message: string }[];
  ignored: boolean;
}

describe('module boundaries (eslint.config.mjs)', () => {
  let linted: LintedFixture[];

  beforeAll(() => {
    const env = { ...process.env, NX_DAEMON: 'false' };
    // As `npm run lint` does: without a computed project graph the Nx rule skips every file.
    execFileSync('npx', ['nx', 'show', 'projects'], { cwd: root, env });
    const output = execFileSync('node', [join(__dirname, 'boundaries', 'lint-fixtures.mjs')], {
      cwd: root,
      env,
    });
    linted = JSON.parse(output.toString()) as LintedFixture[];
  }, 180_000);

  it('has a fixture refused by each rule, and allowed uses that pass', () => {
    expect(linted.every((fixture) => fixture.lintAs && fixture.expected)).toBe(true);
    expect(new Set(linted.map((fixture) => fixture.expected))).toEqual(
      new Set(['@nx/enforce-module-boundaries', 'no-restricted-imports', 'no-restricted-syntax', 'nothing']),
    );
  });

  it.each([
    'app-imports-another-app.ts',
    'domain-imports-platform.ts',
    'domain-imports-undeclared-domain.ts',
    'domain-imports-node-fs.ts',
    'domain-imports-net.ts',
    'domain-imports-pg.ts',
    'domain-imports-nats.ts',
    'domain-imports-typeorm.ts',
    'contracts-imports-domain.ts',
    'util-imports-domain.ts',
    'production-imports-testing-entry-point.ts',
    'read-side-imports-write-side.ts',
    'controller-runs-sql.ts',
    'handler-runs-sql.ts',
    'handler-reads-wall-clock.ts',
    'allowed-handler-opens-transaction.ts',
    'allowed-declared-domain-use.ts',
    'allowed-app-imports-libs.ts',
  ])('%s', (name) => {
    const fixture = linted.find((candidate) => candidate.name === name);
    expect(fixture).toBeDefined();
    const rules = [...new Set(fixture!.messages.map((message) => message.ruleId ?? message.message))];
    expect(rules).toEqual(fixture!.expected === 'nothing' ? [] : [fixture!.expected]);
  });

  it('leaves every fixture out of the workspace lint', () => {
    expect(linted.filter((fixture) => !fixture.ignored).map((fixture) => fixture.name)).toEqual([]);
  });
});
