import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
/**
 * The libraries the browser runs: scheduling's pure engine, for the layer editor's preview (ADR 0138), the
 * zone clock it reads (ADR 0220), and intake's documented example bodies, to try a key with (ADR 0231).
 */
const schedulingDomain = fileURLToPath(new URL('../../libs/scheduling/domain/src/index.ts', import.meta.url));
const sharedTime = fileURLToPath(new URL('../../libs/shared/time/src/index.ts', import.meta.url));
const ingestionDomain = fileURLToPath(new URL('../../libs/ingestion/domain/src/index.ts', import.meta.url));

/**
 * The admin SPA. `vite build --config apps/admin-spa/vite.config.ts` writes apps/admin-spa/dist, which
 * admin-api serves at `/` (SPA_DIST_DIR). `vite --config ...` serves it with hot reload on :5173 and
 * forwards /api to the admin-api of `npm start`.
 */
export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    alias: {
      '@oncall/scheduling-domain': schedulingDomain,
      '@oncall/shared-time': sharedTime,
      '@oncall/ingestion-domain': ingestionDomain,
    },
  },
  // No source maps: they would be served next to the bundle, with every source file in them.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  clearScreen: false,
});
