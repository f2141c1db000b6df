import { ContactMethodType, ContactMethodView } from '@oncall/contracts';
import { ContactMethod, defaultRules, NotificationRules } from '@oncall/notification-domain';
import { queryRows } from '@oncall/platform-persistence';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';

type Db = Pick<EntityManager, 'query'>;

export interface ContactMethodRow {
  id: string;
  org_id: string;
  user_id: string;
  type: ContactMethodType;
  address: string;
  verified: boolean;
  enabled: boolean;
  account_email: boolean;
  created_at: Date;
}

/** A person whose defaults must exist: their organization, id and account (sign-in) email. */
export interface Account {
  orgId: string;
  userId: string;
  email: string;
}

const COLUMNS = 'id, org_id, user_id, type, address, verified, enabled, account_email, created_at';

export function toContactMethod(row: ContactMethodRow): ContactMethod {
  const { id, user_id: userId, type, address, verified, enabled } = row;
  return { id, userId, type, address, verified, enabled };
}

export function toContactMethodView(row: ContactMethodRow): ContactMethodView {
  return {
    ...toContactMethod(row),
    accountEmail: row.account_email,
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * Gives each person their defaults the first time they are seen (ADR 0110: an email method on the account
 * address, counted as verified, and the default rules on it), and keeps the account method on the account
 * address when the directory changes it. One statement for many people; any number of replicas may run it
 * at once (the inserts do nothing on conflict, so a person is provisioned once).
 */
export async function ensureDefaults(db: Db, accounts: readonly Account[], now: Date): Promise<void> {
  if (accounts.length === 0) return;
  const methodIds = accounts.map(() => randomUUID());
  const rules = methodIds.map((id) => defaultRules(id));
  await db.query(
    `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::jsonb[], $6::jsonb[])
         AS i(org_id, user_id, email, method_id, high, low)
     ), moved AS (
       UPDATE contact_methods c SET address = i.email, updated_at = $7
       FROM input i
       WHERE c.org_id = i.org_id AND c.user_id = i.user_id AND c.account_email AND c.address <> i.email
         AND NOT EXISTS (SELECT 1 FROM contact_methods o WHERE o.org_id = i.org_id AND o.user_id = i.user_id
                         AND o.type = 'email' AND o.address = i.email)
       RETURNING c.id
     ), inserted AS (
       INSERT INTO contact_methods
         (id, org_id, user_id, type, address, verified, enabled, account_email, created_at, updated_at)
       SELECT method_id, org_id, user_id, 'email', email, true, true, true, $7, $7 FROM input
       ON CONFLICT DO NOTHING
       RETURNING id
     )
     INSERT INTO notification_rules (org_id, user_id, high, low, updated_at)
     SELECT i.org_id, i.user_id, i.high, i.low, $7 FROM inserted n JOIN input i ON i.method_id = n.id
     ON CONFLICT DO NOTHING`,
    [
      accounts.map((account) => account.orgId),
      accounts.map((account) => account.userId),
      accounts.map((account) => account.email),
      methodIds,
      rules.map((rule) => JSON.stringify(rule.high)),
      rules.map((rule) => JSON.stringify(rule.low)),
      now.toISOString(),
    ],
  );
}

export async function insertMethod(
  db: Db,
  method: {
    orgId: string;
    userId: string;
    type: ContactMethodType;
    address: string;
    enabled: boolean;
    verified: boolean;
  },
  now: Date,
): Promise<ContactMethodRow> {
  const [row] = await queryRows<ContactMethodRow>(
    db,
    `INSERT INTO contact_methods (id, org_id, user_id, type, address, verified, enabled, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
     RETURNING id, org_id, user_id, type, address, verified, enabled, account_email, created_at`,
    [
      randomUUID(),
      method.orgId,
      method.userId,
      method.type,
      method.address,
      method.verified,
      method.enabled,
      now,
    ],
  );
  return row;
}

export function loadMethodRows(db: Db, orgId: string, userId: string): Promise<ContactMethodRow[]> {
  return queryRows<ContactMethodRow>(
    db,
    `SELECT ${COLUMNS} FROM contact_methods WHERE org_id = $1 AND user_id = $2
     ORDER BY account_email DESC, created_at, id`,
    [orgId, userId],
  );
}

export async function loadMethodRow(
  db: Db,
  orgId: string,
  userId: string,
  id: string,
  lock = false,
): Promise<ContactMethodRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await queryRows<ContactMethodRow>(
    db,
    `SELECT ${COLUMNS} FROM contact_methods WHERE org_id = $1 AND user_id = $2 AND id = $3
     ${lock ? 'FOR UPDATE' : ''}`,
    [orgId, userId, id],
  );
  return row;
}

/** The contact methods of several people, by `orgId:userId` (see personKey). */
export async function loadMethodRowsOf(
  db: Db,
  people: readonly { orgId: string; userId: string }[],
): Promise<Map<string, ContactMethodRow[]>> {
  const byPerson = new Map<string, ContactMethodRow[]>();
  if (people.length === 0) return byPerson;
  const rows = await queryRows<ContactMethodRow>(
    db,
    `SELECT ${COLUMNS} FROM contact_methods
     WHERE (org_id, user_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))
     ORDER BY account_email DESC, created_at, id`,
    [people.map((person) => person.orgId), people.map((person) => person.userId)],
  );
  for (const row of rows) {
    const key = personKey(row.org_id, row.user_id);
    byPerson.set(key, [...(byPerson.get(key) ?? []), row]);
  }
  return byPerson;
}

/** The stored rules of several people, by `orgId:userId`. */
export async function loadStoredRulesOf(
  db: Db,
  people: readonly { orgId: string; userId: string }[],
): Promise<Map<string, NotificationRules>> {
  if (people.length === 0) return new Map();
  const rows = await queryRows<{ org_id: string; user_id: string; high: NotificationRules['high']; low: NotificationRules['low'] }>(
    db,
    `SELECT org_id, user_id, high, low FROM notification_rules
     WHERE (org_id, user_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    [people.map((person) => person.orgId), people.map((person) => person.userId)],
  ); // prettier-ignore
  return new Map(rows.map((row) => [personKey(row.org_id, row.user_id), { high: row.high, low: row.low }]));
}

/** A person's rules as stored, else their defaults on the account email (never paged silently). */
export function rulesOrDefaults(stored: NotificationRules | undefined, methods: readonly ContactMethodRow[]): NotificationRules {
  if (stored) return stored;
  const account = methods.find((method) => method.account_email) ?? methods[0];
  return account ? defaultRules(account.id) : { high: [], low: [] };
} // prettier-ignore

export function personKey(orgId: string, userId: string): string {
  return `${orgId}\u0000${userId}`;
}

/** The person's rules; their defaults on the account email when none are stored. */
export async function loadRules(
  db: Db,
  orgId: string,
  userId: string,
  methods: readonly ContactMethodRow[],
): Promise<NotificationRules> {
  const stored = await loadStoredRulesOf(db, [{ orgId, userId }]);
  return rulesOrDefaults(stored.get(personKey(orgId, userId)), methods);
}

/** Locks the person's rules row (if any) for the transaction: a concurrent delete of a method they use waits. */
export async function lockRules(db: Db, orgId: string, userId: string): Promise<void> {
  await db.query('SELECT 1 FROM notification_rules WHERE org_id = $1 AND user_id = $2 FOR UPDATE', [
    orgId,
    userId,
  ]);
}

export async function saveRules(
  db: Db,
  orgId: string,
  userId: string,
  rules: NotificationRules,
  now: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO notification_rules (org_id, user_id, high, low, updated_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (org_id, user_id) DO UPDATE SET high = EXCLUDED.high, low = EXCLUDED.low,
       updated_at = EXCLUDED.updated_at`,
    [orgId, userId, JSON.stringify(rules.high), JSON.stringify(rules.low), now],
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
