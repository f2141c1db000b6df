import {
  AlertEventTypes,
  CanonicalAlert,
  IncidentSummary,
  MessageEnvelope,
  alertPartitionOf,
  alertReceivedSubject,
} from '@oncall/contracts';
import { waitFor } from '@oncall/platform-testing';
import { connect } from 'nats';
import { randomUUID } from 'node:crypto';
import { DEMO_INTEGRATION, DemoOrganization } from '../apps/admin-api/src/seed/seed-demo';
import { IncidentApi } from './support/incident-api';
import { PlatformHarness } from './support/platform-harness';
import { untilIncidentProjectionsCaughtUp } from './support/settled';

describe('A merged incident hands its dedup keys to the incident it was merged into', () => {
  let platform: PlatformHarness;
  let demo: DemoOrganization;
  let incidents: IncidentApi;
  let alice: string;

  beforeAll(async () => {
    platform = await PlatformHarness.create('mergededup');
    await platform.start('admin-api', 'ingestion-gateway', 'dedup-grouping', 'incident-state');
    demo = await platform.seedDemo();
    incidents = new IncidentApi(platform, demo.integrationKey);
    alice = platform.token(demo.orgId, 'technician', 'demo-tech-1');
  }, 60_000);
  afterAll(() => platform.close());

  const post = async (dedupKey: string, summary: string, action = 'trigger') =>
    expect(
      (
        await platform.postAlert(demo.integrationKey, {
          summary,
          severity: 'high',
          source: 'rmm',
          dedupKey,
          action,
        })
      ).status,
    ).toBe(202);

  const openAlertOwner = (dedupKey: string) =>
    platform.withSchema('dedup_grouping', async (db) => {
      const rows: { incident_id: string }[] = await db.query(
        'SELECT incident_id FROM open_alerts WHERE org_id = $1 AND dedup_key = $2',
        [demo.orgId, dedupKey],
      );
      return rows[0]?.incident_id ?? null;
    });

  const allIncidents = async (): Promise<IncidentSummary[]> =>
    (await incidents.list(alice, '?limit=200')).items;

  it('appends a repeat of the source’s key to the target, and the source’s resolve resolves the target', async () => {
    const target = await incidents.trigger('Web farm down at Umbrella', { dedupKey: 'umbrella-web' }, alice);
    const source = await incidents.trigger(
      'Load balancer 502s at Umbrella',
      { dedupKey: 'umbrella-lb' },
      alice,
    );
    const merged = await incidents.act(alice, target.incidentId, 'merge', {
      sourceIncidentIds: [source.incidentId],
    });
    expect(merged.status).toBe(200);
    expect(merged.body.incident.alertCount).toBe(2);
    await waitFor('the source’s key to belong to the target', async () =>
      (await openAlertOwner('umbrella-lb')) === target.incidentId ? true : undefined,
    );
    const before = (await allIncidents()).length;

    await post('umbrella-lb', 'Load balancer 502s at Umbrella (again)');
    await waitFor('the repeat appended to the target', async () => {
      const detail = await incidents.detail(alice, target.incidentId);
      return detail.incident.alertCount === 3 ? detail : undefined;
    });
    await untilIncidentProjectionsCaughtUp(platform); // a wrongly opened incident would now be listed
    expect((await allIncidents()).length).toBe(before);

    await post('umbrella-lb', 'Load balancer recovered', 'resolve');
    const resolved = await waitFor('the target resolved by the source', async () => {
      const detail = await incidents.detail(alice, target.incidentId);
      return detail.incident.status === 'resolved' ? detail : undefined;
    });
    expect(resolved.resolutionReason).toBe('source');
    expect((await allIncidents()).length).toBe(before);
    await waitFor('both keys freed', async () =>
      (await openAlertOwner('umbrella-lb')) === null && (await openAlertOwner('umbrella-web')) === null
        ? true
        : undefined,
    );
  });

  // Published again as a new message with the alert's own id: what the correlator sees after a crash
  // before its ack (JetStream would drop a copy carrying the original message id as a duplicate).
  it('treats the source’s opening alert seen again (same alert id) as already on the target, not as a new trigger', async () => {
    const target = await incidents.trigger('Mail queue stuck at Hooli', { dedupKey: 'hooli-mail' }, alice);
    const source = await incidents.trigger('SMTP timeouts at Hooli', { dedupKey: 'hooli-smtp' }, alice);
    await incidents.act(alice, target.incidentId, 'merge', { sourceIncidentIds: [source.incidentId] });
    await waitFor('the source’s key to belong to the target', async () =>
      (await openAlertOwner('hooli-smtp')) === target.incidentId ? true : undefined,
    );
    const deadLettersBefore = await deadLetterCount();

    await redeliver({ alertId: source.incidentId, dedupKey: 'hooli-smtp', summary: source.title });
    // Alerts of one key are applied in order: once a new alert of the same key is counted, the copy
    // before it was handled. Counted as a repeat, the copy would make 4.
    expect((await platform.postAlert(demo.integrationKey, { summary: 'SMTP timeouts at Hooli', severity: 'high', source: 'rmm', dedupKey: 'hooli-smtp' })).status).toBe(202); // prettier-ignore
    const detail = await waitFor('the new alert of the key counted', async () => {
      const found = await incidents.detail(alice, target.incidentId);
      return found.incident.alertCount >= 3 ? found : undefined;
    });
    expect(detail.incident.alertCount).toBe(3);
    expect(await deadLetterCount()).toBe(deadLettersBefore);
    expect((await allIncidents()).filter((i) => i.title === source.title)).toHaveLength(1);
  });

  async function redeliver(alert: Pick<CanonicalAlert, 'alertId' | 'dedupKey' | 'summary'>): Promise<void> {
    const at = new Date().toISOString();
    const envelope: MessageEnvelope<string, CanonicalAlert> = {
      type: AlertEventTypes.received,
      data: {
        ...alert,
        orgId: demo.orgId,
        integrationId: DEMO_INTEGRATION.id,
        serviceId: demo.serviceId,
        origin: 'generic',
        action: 'trigger',
        severity: 'high',
        labels: {},
        links: [],
        occurredAt: at,
        receivedAt: at,
      },
      // A fresh message id: JetStream would drop a copy with the original one as a duplicate.
      metadata: {
        eventId: randomUUID(),
        orgId: demo.orgId,
        correlationId: randomUUID(),
        causationId: null,
        occurredAt: at,
        schemaVersion: 1,
      },
    };
    const bus = await platform.connectBus();
    try {
      await bus.publisher.publish(
        alertReceivedSubject(alertPartitionOf(envelope.data.integrationId, envelope.data.dedupKey)),
        envelope,
      );
    } finally {
      await bus.close();
    }
  }

  async function deadLetterCount(): Promise<number> {
    const nc = await connect({ servers: platform.env.NATS_URL });
    try {
      const jsm = await nc.jetstreamManager();
      const info = await jsm.streams.info(`${platform.env.NATS_SUBJECT_PREFIX}_ONCALL_DEAD_LETTERS`);
      return info.state.messages;
    } finally {
      await nc.close();
    }
  }
});
