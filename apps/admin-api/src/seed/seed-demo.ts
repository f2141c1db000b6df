import { DirectoryResourceType } from '@oncall/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { publishDirectoryState } from '../directory/state/directory-state.publisher';
import { generateIntegrationKey, hashIntegrationKey } from '../directory/integrations/integration-keys';

export const DEMO_ORG = { id: 'demo-msp', name: 'Demo MSP' };
/** `hubUserId` is the token subject: `npm run token -- --user demo-tech-1 --role technician` signs in as Taylor. */
export const DEMO_USERS = [
  {
    id: '5e7a1c2e-0d1f-4c55-9f0a-0000000000a1',
    hubUserId: 'demo-manager',
    name: 'Morgan Manager',
    email: 'morgan@demo-msp.example',
    role: 'manager',
  },
  {
    id: '5e7a1c2e-0d1f-4c55-9f0a-0000000000a2',
    hubUserId: 'demo-tech-1',
    name: 'Taylor Tech',
    email: 'taylor@demo-msp.example',
    role: 'technician',
  },
  {
    id: '5e7a1c2e-0d1f-4c55-9f0a-0000000000a3',
    hubUserId: 'demo-tech-2',
    name: 'Jordan Tech',
    email: 'jordan@demo-msp.example',
    role: 'technician',
  },
] as const;
export const DEMO_SERVICE = { id: '5e7a1c2e-0d1f-4c55-9f0a-0000000000d1', name: 'Client servers (24/7)' };
export const DEMO_INTEGRATION = {
  id: '5e7a1c2e-0d1f-4c55-9f0a-0000000000e1',
  name: 'Demo monitoring (generic)',
};

export interface DemoOrganization {
  orgId: string;
  /** Token subject (Hub user id) of the demo manager. */
  managerUserId: string;
  serviceId: string;
  integrationKey: string;
}

/**
 * Creates the demo organization if missing (idempotent). The integration key is stored hashed like any
 * other, so it can only be printed when it is created; `knownKey` (kept by the start script in a local,
 * git-ignored file) is reused while it still matches, so the printed curl keeps working across restarts.
 * What it wrote is published to the state stream in the same transaction, as admin-api does for every
 * change, so local copies (the gateway's keys) have it without waiting for admin-api's next start.
 */
export async function seedDemoOrganization(
  dataSource: DataSource,
  knownKey: string | undefined,
  now: Date,
): Promise<DemoOrganization> {
  return dataSource.transaction(async (tx) => {
    await tx.query('INSERT INTO organizations (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [
      DEMO_ORG.id,
      DEMO_ORG.name,
    ]);
    for (const user of DEMO_USERS) {
      await tx.query(
        `INSERT INTO users (id, org_id, hub_user_id, email, name, role) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO NOTHING`,
        [user.id, DEMO_ORG.id, user.hubUserId, user.email, user.name, user.role],
      );
    }
    await tx.query(
      'INSERT INTO services (id, org_id, name) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING',
      [DEMO_SERVICE.id, DEMO_ORG.id, DEMO_SERVICE.name],
    );
    const integrationKey = await ensureDemoIntegrationKey(tx.query.bind(tx), knownKey);
    await publishSeededState(tx, now);
    return {
      orgId: DEMO_ORG.id,
      managerUserId: DEMO_USERS[0].hubUserId,
      serviceId: DEMO_SERVICE.id,
      integrationKey,
    };
  });
}

/** Written behind the directory's back: tell the local copies elsewhere (ADR 0120). */
function publishSeededState(tx: EntityManager, now: Date): Promise<void> {
  const seeded: [DirectoryResourceType, string][] = [
    ['organization', DEMO_ORG.id],
    ...DEMO_USERS.map((user): [DirectoryResourceType, string] => ['user', user.id]),
    ['service', DEMO_SERVICE.id],
    ['integration', DEMO_INTEGRATION.id],
  ];
  return publishDirectoryState(
    tx,
    seeded.map(([resourceType, resourceId]) => ({ resourceType, orgId: DEMO_ORG.id, resourceId })),
    now,
  );
}

type Query = (sql: string, params?: unknown[]) => Promise<{ key_hash: string; revoked_at: Date | null }[]>;

async function ensureDemoIntegrationKey(query: Query, knownKey: string | undefined): Promise<string> {
  const [existing] = await query('SELECT key_hash, revoked_at FROM integrations WHERE id = $1', [
    DEMO_INTEGRATION.id,
  ]);
  if (existing && !existing.revoked_at && knownKey && hashIntegrationKey(knownKey) === existing.key_hash) {
    return knownKey;
  }
  const fresh = generateIntegrationKey();
  await query(
    `INSERT INTO integrations (id, org_id, service_id, type, name, key_hash, key_hint)
     VALUES ($1, $2, $3, 'generic', $4, $5, $6)
     ON CONFLICT (id) DO UPDATE SET key_hash = EXCLUDED.key_hash, key_hint = EXCLUDED.key_hint, revoked_at = NULL`,
    [DEMO_INTEGRATION.id, DEMO_ORG.id, DEMO_SERVICE.id, DEMO_INTEGRATION.name, fresh.hash, fresh.hint],
  );
  return fresh.key;
}
