import { CanonicalAlert, IncidentSummary, alertPartitionOf, alertReceivedSubject } from '@oncall/contracts';
import { stageForAll, waitFor } from '@oncall/platform-testing';
import { connect } from 'nats';
import { randomUUID } from 'node:crypto';
import { DEMO_INTEGRATION } from '../apps/admin-api/src/seed/seed-demo';
import { IncidentStage } from './support/incident-stage';
import { untilIncidentProjectionsCaughtUp } from './support/settled';
import { alertReceived } from './support/stream-alerts';

describe('A merged incident hands its dedup keys to the incident it was merged into', () => {
  const stage = stageForAll(() => IncidentStage.start('mergededup'));
  const alice = () => stage.token('technician', 'demo-tech-1');

  const post = async (dedupKey: string, summary: string, action = 'trigger') =>
    expect(
      (
        await stage.platform.postAlert(stage.demo.integrationKey, {
          summary,
          severity: 'high',
          source: 'rmm',
          dedupKey,
          action,
        })
      ).status,
    ).toBe(202);

  const openAlertOwner = (dedupKey: string) =>
    stage.platform.withSchema('dedup_grouping', async (db) => {
      const rows: { incident_id: string }[] = await db.query(
        'SELECT incident_id FROM open_alerts WHERE org_id = $1 AND dedup_key = $2',
        [stage.demo.orgId, dedupKey],
      );
      return rows[0]?.incident_id ?? null;
    });

  const allIncidents = async (): Promise<IncidentSummary[]> =>
    (await stage.incidents.list(alice(), '?limit=200')).items;

  /** Two new incidents of the given [title, dedup key], the source merged into the target and its key moved. */
  async function mergedPair(targetAlert: [string, string], sourceAlert: [string, string]) {
    const target = await stage.incidents.trigger(targetAlert[0], { dedupKey: targetAlert[1] }, alice());
    const source = await stage.incidents.trigger(sourceAlert[0], { dedupKey: sourceAlert[1] }, alice());
    const merged = await stage.incidents.act(alice(), target.incidentId, 'merge', {
      sourceIncidentIds: [source.incidentId],
    });
    expect(merged.status).toBe(200);
    await waitFor('the source’s key to belong to the target', async () =>
      (await openAlertOwner(sourceAlert[1])) === target.incidentId ? true : undefined,
    );
    return { target, source, merged };
  }

  it('appends a repeat of the source’s key to the target, and the source’s resolve resolves the target', async () => {
    const { target, merged } = await mergedPair(
      ['Web farm down at Umbrella', 'umbrella-web'],
      ['Load balancer 502s at Umbrella', 'umbrella-lb'],
    );
    expect(merged.body.incident.alertCount).toBe(2);
    const before = (await allIncidents()).length;

    await post('umbrella-lb', 'Load balancer 502s at Umbrella (again)');
    await waitFor('the repeat appended to the target', async () => {
      const detail = await stage.incidents.detail(alice(), target.incidentId);
      return detail.incident.alertCount === 3 ? detail : undefined;
    });
    await untilIncidentProjectionsCaughtUp(stage.platform); // a wrongly opened incident would now be listed
    expect((await allIncidents()).length).toBe(before);

    await post('umbrella-lb', 'Load balancer recovered', 'resolve');
    const resolved = await waitFor('the target resolved by the source', async () => {
      const detail = await stage.incidents.detail(alice(), target.incidentId);
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
    const { target, source } = await mergedPair(
      ['Mail queue stuck at Hooli', 'hooli-mail'],
      ['SMTP timeouts at Hooli', 'hooli-smtp'],
    );
    const deadLettersBefore = await deadLetterCount();

    await redeliver({ alertId: source.incidentId, dedupKey: 'hooli-smtp', summary: source.title });
    // Alerts of one key are applied in order: once a new alert of the same key is counted, the copy
    // before it was handled. Counted as a repeat, the copy would make 4.
    expect((await stage.platform.postAlert(stage.demo.integrationKey, { summary: 'SMTP timeouts at Hooli', severity: 'high', source: 'rmm', dedupKey: 'hooli-smtp' })).status).toBe(202); // prettier-ignore
    const detail = await waitFor('the new alert of the key counted', async () => {
      const found = await stage.incidents.detail(alice(), target.incidentId);
      return found.incident.alertCount >= 3 ? found : undefined;
    });
    expect(detail.incident.alertCount).toBe(3);
    expect(await deadLetterCount()).toBe(deadLettersBefore);
    expect((await allIncidents()).filter((i) => i.title === source.title)).toHaveLength(1);
  });

  async function redeliver(alert: Pick<CanonicalAlert, 'alertId' | 'dedupKey' | 'summary'>): Promise<void> {
    const received = alertReceived({
      ...alert,
      orgId: stage.demo.orgId,
      integrationId: DEMO_INTEGRATION.id,
      serviceId: stage.demo.serviceId,
    });
    // A fresh message id: JetStream would drop a copy with the original one as a duplicate.
    const envelope = { ...received, metadata: { ...received.metadata, eventId: randomUUID() } };
    const bus = await stage.platform.connectBus();
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
    const nc = await connect({ servers: stage.platform.env.NATS_URL });
    try {
      const jsm = await nc.jetstreamManager();
      const info = await jsm.streams.info(`${stage.platform.env.NATS_SUBJECT_PREFIX}_ONCALL_DEAD_LETTERS`);
      return info.state.messages;
    } finally {
      await nc.close();
    }
  }
});
