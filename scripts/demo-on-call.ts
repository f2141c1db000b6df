import { DEMO_SERVICE, DEMO_USERS } from '../apps/admin-api/src/seed/seed-demo';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Gives the demo organization something to be on call for, through the public API as its manager: a
 * weekly rotation of the two technicians, an escalation policy (rotation, then the manager), and the demo
 * service using it. Skipped when the organization already has a schedule.
 */
export async function seedDemoOnCall(apiUrl: string, managerToken: string): Promise<void> {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${managerToken}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const existing = await call<{ items: unknown[] }>('GET', '/api/v1/schedules');
  if (existing.items.length > 0) return;
  const [manager, ...technicians] = DEMO_USERS;
  const schedule = await call<{ id: string }>('POST', '/api/v1/schedules', {
    name: 'Technicians 24/7',
    timeZone: 'Europe/London',
    layers: [
      {
        name: 'Weekly rotation',
        participants: technicians.map((user) => user.id),
        rotation: { kind: 'weekly' },
        handoffAnchor: '2026-01-05T09:00',
        start: new Date(Date.now() - DAY_MS).toISOString(),
        restrictions: [],
      },
    ],
  });
  const policy = await call<{ id: string }>('POST', '/api/v1/escalation-policies', {
    name: 'Client servers: rotation, then manager',
    repeatCount: 2,
    steps: [
      { delayMinutes: 5, targets: [{ type: 'schedule', id: schedule.id }] },
      { delayMinutes: 10, targets: [{ type: 'user', id: manager.id }] },
    ],
  });
  await call('PATCH', `/api/v1/services/${DEMO_SERVICE.id}`, { escalationPolicyId: policy.id });
}
