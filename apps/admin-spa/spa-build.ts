// Node-side helper (not part of the browser bundle): builds the SPA when its build is missing or older than
// its sources. Used by `npm start` (scripts/start.ts) and test/admin-spa.e2e-spec.ts.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runNode } from './run-node';

const SPA_ROOT = __dirname;
const REPO_ROOT = resolve(SPA_ROOT, '../..');
export const SPA_DIST_DIR = join(SPA_ROOT, 'dist');

/** True when dist/index.html is missing or older than a source, index.html, the Vite config or the lock file. */
export function adminSpaBuildIsStale(distDir = SPA_DIST_DIR): boolean {
  const built = join(distDir, 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const inputs = [
    join(SPA_ROOT, 'index.html'),
    join(SPA_ROOT, 'vite.config.ts'),
    join(REPO_ROOT, 'package-lock.json'),
    ...filesUnder(join(SPA_ROOT, 'src')),
    ...filesUnder(join(REPO_ROOT, 'libs', 'scheduling', 'domain', 'src')),
    ...filesUnder(join(REPO_ROOT, 'libs', 'ingestion', 'domain', 'src')),
  ];
  return inputs.some((file) => existsSync(file) && statSync(file).mtimeMs > builtAt);
}

/** `vite build` of the SPA into `distDir`; rejects with Vite's output when the build fails. */
export async function buildAdminSpa(distDir = SPA_DIST_DIR): Promise<void> {
  const vite = join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = [vite, 'build', '--config', join(SPA_ROOT, 'vite.config.ts'), '--configLoader', 'runner'];
  args.push('--outDir', distDir, '--logLevel', 'warn');
  // Jest runs with NODE_ENV=test, which would make Vite build React's development bundle.
  const { code, output } = await runNode(args, { env: { ...process.env, NODE_ENV: 'production' } });
  if (code !== 0) throw new Error(`vite build failed (${code}):\n${output}`);
}

/** Builds the SPA if it is stale; says whether it did. */
export async function ensureAdminSpaBuilt(distDir = SPA_DIST_DIR): Promise<boolean> {
  if (!adminSpaBuildIsStale(distDir)) return false;
  await buildAdminSpa(distDir);
  return true;
}

function filesUnder(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(directory, entry.name)) : [join(directory, entry.name)],
  );
}
