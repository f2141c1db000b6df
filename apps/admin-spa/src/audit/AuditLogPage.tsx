import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { SchemaAuditLogQueryDto } from '../api/generated/openapi';
import { problemOf } from '../api/problem';
import type { Page } from '../api/types';
import { canReadAudit } from '../auth/permissions';
import { ColumnHeads } from '../components/ColumnHeads';
import { asItself, Options } from '../components/Options';
import { ProblemMessage } from '../components/ProblemMessage';
import { formatDateTime } from '../format/time';
import { useSession } from '../session-context';

type ResourceType = NonNullable<SchemaAuditLogQueryDto['resourceType']>;

const RESOURCE_TYPES: ResourceType[] = [
  'service',
  'integration',
  'escalation-policy',
  'schedule',
  'schedule-override',
  'user',
  'team',
  'client',
  'routingRules',
  'maintenanceWindow',
  'organization',
];

interface AuditEntry {
  id: string;
  at: string;
  actor: { kind: 'user'; userId: string; name: string } | { kind: 'system'; reason: string };
  action: string;
  resourceType: string;
  resourceId: string;
}

/** Configuration changes, newest first, a page at a time; filter by kind of resource. */
export default function AuditLogPage() {
  const { api, role, timeZone } = useSession();
  const allowed = canReadAudit(role);
  const [resourceType, setResourceType] = useState<ResourceType | ''>('');
  const entries = useInfiniteQuery({
    queryKey: ['audit-log', resourceType],
    enabled: allowed,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: '50' });
      if (resourceType) params.set('resourceType', resourceType);
      if (pageParam) params.set('cursor', pageParam);
      return api.client.get<Page<AuditEntry>>(`/api/v1/audit-log?${params.toString()}`);
    },
    getNextPageParam: (last) => last.nextCursor,
  });
  if (!allowed) {
    return (
      <main className="page">
        <h1>Audit log</h1>
        <p className="card empty">The audit log is for managers and owners.</p>
      </main>
    );
  }
  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <main className="page">
      <div className="page-head">
        <h1>Audit log</h1>
        <label className="inline-label">
          Changes to{' '}
          <select
            value={resourceType}
            onChange={(event) => setResourceType(event.target.value as ResourceType | '')}
          >
            <Options blank="everything" items={RESOURCE_TYPES} option={asItself} />
          </select>
        </label>
      </div>
      <section className="card" aria-label="Changes">
        <ProblemMessage problem={entries.error ? problemOf(entries.error) : null} />
        {entries.isPending && <p className="empty">Loading…</p>}
        {entries.data && items.length === 0 && <p className="empty">No changes recorded.</p>}
        {items.length > 0 && (
          <table>
            <caption className="visually-hidden">
              Changes, newest first. Times in {timeZone ?? 'your time zone'}.
            </caption>
            <ColumnHeads columns={['When', 'Who', 'What', 'Resource']} />
            <tbody>
              {items.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.at}>{formatDateTime(entry.at, timeZone)}</time>
                  </td>
                  <td>{entry.actor.kind === 'user' ? entry.actor.name : `system (${entry.actor.reason})`}</td>
                  <td>{entry.action}</td>
                  <td>
                    <code>{entry.resourceId}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {entries.hasNextPage && (
          <button
            type="button"
            disabled={entries.isFetchingNextPage}
            onClick={() => void entries.fetchNextPage()}
          >
            {entries.isFetchingNextPage ? 'Loading…' : 'Load older changes'}
          </button>
        )}
      </section>
    </main>
  );
}
