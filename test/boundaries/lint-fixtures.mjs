// Lints each boundary fixture with the workspace's ESLint configuration, as if it sat at its `lint-as` path,
// and prints what ESLint said as JSON. A separate process because ESLint loads its configuration with a
// dynamic import, which Jest's module sandbox does not allow.
import { ESLint } from 'eslint';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const fixtures = join(import.meta.dirname, 'fixtures');
const eslint = new ESLint({ cwd: root });

const results = [];
for (const name of readdirSync(fixtures).filter((file) => file.endsWith('.ts'))) {
  const code = readFileSync(join(fixtures, name), 'utf8');
  const lintAs = /^\/\/ lint-as: (.+)$/m.exec(code)?.[1].trim();
  const expected = /^\/\/ expect: (.+)$/m.exec(code)?.[1].trim();
  const [result] = lintAs
    ? await eslint.lintText(code, { filePath: join(root, lintAs) })
    : [{ messages: [] }];
  const messages = result.messages.map(({ ruleId, message }) => ({ ruleId, message }));
  const ignored = await eslint.isPathIgnored(join(fixtures, name));
  results.push({ name, lintAs, expected, messages, ignored });
}
process.stdout.write(JSON.stringify(results));
