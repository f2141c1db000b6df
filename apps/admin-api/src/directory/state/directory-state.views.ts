import { DirectoryResourceType, DirectoryStateViews } from '@oncall/contracts';
import { EntityManager } from 'typeorm';

type Db = Pick<EntityManager, 'query'>;

interface ViewSource {
  /** Table and alias, e.g. `users u`. */
  from: string;
  /** Text id and organization of a row. */
  id: string;
  orgId: string;
  /** json_build_object(...) producing the machine view (ADR 0120). */
  view: string;
}

/** A row of an organization's table (`from`, e.g. `users u`), keyed by its uuid `id`, scoped by `org_id`. */
function orgRow(from: string, view: string): ViewSource {
  const alias = from.split(' ')[1];
  return { from, id: `${alias}.id::text`, orgId: `${alias}.org_id`, view };
}

const SOURCES: { [T in DirectoryResourceType]: ViewSource } = {
  organization: {
    from: 'organizations o',
    id: 'o.id',
    orgId: 'o.id',
    view: `json_build_object('orgId', o.id, 'name', o.name)`,
  },
  user: orgRow(
    'users u',
    `json_build_object('userId', u.id, 'orgId', u.org_id, 'email', u.email, 'name', u.name,
      'role', u.role, 'timeZone', u.time_zone, 'active', u.active)`,
  ),
  team: orgRow(
    'teams t',
    `json_build_object('teamId', t.id, 'orgId', t.org_id, 'name', t.name, 'managerUserId', t.manager_user_id,
      'memberIds', COALESCE((SELECT json_agg(m.user_id ORDER BY m.user_id) FROM team_members m
        WHERE m.team_id = t.id), '[]'::json))`,
  ),
  client: orgRow(
    'clients c',
    `json_build_object('clientId', c.id, 'orgId', c.org_id, 'name', c.name,
      'rmmExternalId', c.rmm_external_id, 'psaExternalId', c.psa_external_id, 'timeZone', c.time_zone)`,
  ),
  service: orgRow(
    'services s',
    `json_build_object('serviceId', s.id, 'orgId', s.org_id, 'name', s.name, 'clientId', s.client_id,
      'teamId', s.team_id, 'escalationPolicyId', s.escalation_policy_id, 'urgencyRule', s.urgency_rule,
      'ticketMode', s.ticket_mode, 'grouping', s.grouping, 'ackTimeoutSeconds', s.ack_timeout_seconds,
      'autoResolveSeconds', s.auto_resolve_seconds)`,
  ),
  integration: orgRow(
    'integrations i',
    `json_build_object('integrationId', i.id, 'orgId', i.org_id, 'serviceId', i.service_id, 'type', i.type,
      'name', i.name, 'keyHash', i.key_hash, 'active', i.revoked_at IS NULL,
      'createdAt', to_char(i.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))`,
  ),
  routingRules: {
    from: 'routing_rules r',
    id: 'r.org_id',
    orgId: 'r.org_id',
    view: `json_build_object('orgId', r.org_id, 'rules', r.rules)`,
  },
  maintenanceWindow: orgRow(
    'maintenance_windows w',
    `json_build_object('orgId', w.org_id, 'name', w.name, 'window', w."window")`,
  ),
};

export interface LoadedState<T extends DirectoryResourceType> {
  resourceId: string;
  orgId: string;
  view: DirectoryStateViews[T];
}

/**
 * Rows are read FOR SHARE: a change waiting on one of them then commits (and publishes) after the view read
 * here, so the state stream never ends on an older view than the table holds.
 */
function select(resourceType: DirectoryResourceType, where: string, tail = ''): string {
  const source = SOURCES[resourceType];
  const alias = source.from.split(' ')[1];
  return `SELECT ${source.id} AS "resourceId", ${source.orgId} AS "orgId", ${source.view} AS view
    FROM ${source.from} WHERE ${where} ${tail} FOR SHARE OF ${alias}`;
}

/** The view of one resource, or null when it no longer exists. */
export async function loadStateView<T extends DirectoryResourceType>(
  db: Db,
  resourceType: T,
  orgId: string,
  resourceId: string,
): Promise<LoadedState<T> | null> {
  const source = SOURCES[resourceType];
  const rows: LoadedState<T>[] = await db.query(
    select(resourceType, `${source.orgId} = $1 AND ${source.id} = $2`),
    [orgId, resourceId],
  );
  return rows[0] ?? null;
}

/** Every resource of a type in id order, a page at a time (to republish everything). */
export function loadStateViewsPage<T extends DirectoryResourceType>(
  db: Db,
  resourceType: T,
  afterId: string,
  limit: number,
): Promise<LoadedState<T>[]> {
  const source = SOURCES[resourceType];
  return db.query(select(resourceType, `${source.id} > $1`, `ORDER BY ${source.id} LIMIT $2`), [
    afterId,
    limit,
  ]);
}
