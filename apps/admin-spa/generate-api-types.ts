// `npx nx run admin-spa:api-types`: regenerates src/api/generated/openapi.ts from a running admin-api
// (`npm start`, or ADMIN_API_URL). test/admin-spa.e2e-spec.ts fails when the checked-in file is stale.
import { writeFileSync } from 'node:fs';
import { API_TYPES_FILE, fetchOpenApiDocument, generateApiTypes } from './api-types';

async function main(): Promise<void> {
  const url = process.env.ADMIN_API_URL ?? 'http://127.0.0.1:3000';
  writeFileSync(API_TYPES_FILE, await generateApiTypes(await fetchOpenApiDocument(url)));
  console.log(`Wrote ${API_TYPES_FILE} from ${url}/api/docs-json`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
