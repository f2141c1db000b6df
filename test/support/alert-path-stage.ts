import { IncidentPage } from '@oncall/contracts';
import { integrate, IssuedIntegration } from './intake-fixtures';
import { IncidentStage } from './incident-stage';

/** The integration types of the intake tests, one of each on the demo service. */
export const INTAKE_TYPES = ['rmm', 'security', 'backups', 'alertmanager', 'pagerduty', 'defend'] as const;

/**
 * The stage of a fuzz run: the demo organization, Defend's service key, and burst limits that one sender
 * sending much from one address never reaches (limits are tested elsewhere).
 */
export function startFuzzStage(label: string, defendKey: string): Promise<IncidentStage> {
  return IncidentStage.start(label, {
    env: {
      DEFEND_SERVICE_KEY: defendKey,
      INTEGRATION_RATE_BURST: '1000000',
      INVALID_KEY_BURST_PER_SOURCE: '1000000',
    },
  });
}

/** Adds a Defend integration to the demo service and waits until the gateway takes the organization's Defend posts. */
export async function addDefendIntegration({ platform, demo, manager }: IncidentStage): Promise<void> {
  const created = await platform.api(`/api/v1/services/${demo.serviceId}/integrations`, manager, {
    method: 'POST',
    body: JSON.stringify({ type: 'defend', name: 'Defend' }),
  });
  expect(created.status).toBe(201);
  await platform.untilGatewaySees('the Defend integration', (directory) =>
    Boolean(directory.oldestLiveFor(demo.orgId, 'defend')),
  );
}

/** One integration of each of INTAKE_TYPES on the demo service, by type, each known to the gateway. */
export async function integrateEveryType({
  platform,
  demo,
  manager,
}: IncidentStage): Promise<Record<string, IssuedIntegration>> {
  const issued: Record<string, IssuedIntegration> = {};
  for (const type of INTAKE_TYPES) issued[type] = await integrate(platform, manager, demo.serviceId, type);
  return issued;
}

/** The titles of all the organization's incidents, read page after page. */
export async function incidentTitles({ platform, manager }: IncidentStage): Promise<Set<string>> {
  const titles = new Set<string>();
  let cursor: string | null = null;
  do {
    const query: string = `?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = (await (await platform.api(`/api/v1/incidents${query}`, manager)).json()) as IncidentPage;
    for (const item of page.items) titles.add(item.title);
    cursor = page.nextCursor;
  } while (cursor);
  return titles;
}
