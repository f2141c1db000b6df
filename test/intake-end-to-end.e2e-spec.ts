import {
  AlertHistoryEntry,
  AlertHistoryPage,
  IncidentDetail,
  IncidentPage,
  IncidentSummary,
} from '@oncall/contracts';
import { stageForAll, waitFor } from '@oncall/platform-testing';
import { integrateEveryType } from './support/alert-path-stage';
import { IncidentStage } from './support/incident-stage';
import { Editable, example, IssuedIntegration, postJson } from './support/intake-fixtures';

const DEFEND_KEY = 'defend-e2e-key-0123456789abcdef0123';

/**
 * Issue 12 end to end: each native type opens and resolves incidents through the gateway, the correlator
 * and incident-state; low severities are recorded (visible in the alert history) and open nothing; the
 * incident's alert history holds what was sent and what it was mapped to, Defend's MITRE facts included;
 * one Alertmanager body sent 20 times is one incident.
 */
describe('Alert intake end to end', () => {
  const stage = stageForAll(() =>
    IncidentStage.start('intakee2e', { env: { DEFEND_SERVICE_KEY: DEFEND_KEY } }),
  );
  let issued: Record<string, IssuedIntegration>;
  beforeAll(async () => {
    issued = await integrateEveryType(stage);
  });

  const incidents = async (): Promise<IncidentSummary[]> =>
    ((await (await stage.platform.api('/api/v1/incidents?limit=200', stage.manager)).json()) as IncidentPage)
      .items;
  const incidentTitled = (title: string, status?: string) =>
    waitFor(`incident "${title}"${status ? ` ${status}` : ''}`, async () =>
      (await incidents()).find(
        (incident) => incident.title === title && (!status || incident.status === status),
      ),
    );
  const history = async (query: string): Promise<AlertHistoryEntry[]> =>
    ((await (await stage.platform.api(`/api/v1/${query}`, stage.manager)).json()) as AlertHistoryPage).items;
  const accepted = async (response: Promise<Response>) => {
    const answer = await response;
    const body = (await answer.json()) as { alerts?: { alertId: string }[]; alertId?: string };
    // The refusal itself when it is not accepted, so a failure says why.
    expect(answer.status === 202 ? 202 : body).toBe(202);
    return body;
  };

  it('RMM: a critical breach opens an incident, its clear resolves it; a medium one is recorded', async () => {
    const raised = example('rmm-alert.v1', (b) => (b.alertId = 'rmm-e2e-1'));
    await accepted(postJson(issued['rmm'].alertUrl, raised));
    const incident = await waitFor('the RMM incident', async () =>
      (await incidents()).find((i) => i.title.includes('FS01') && i.status === 'triggered'),
    );
    expect(incident).toMatchObject({
      title: 'Free space on C: on FS01: 3% (threshold 5%)',
      severity: 'critical',
    });
    await accepted(postJson(issued['rmm'].alertUrl, { ...raised, state: 'cleared' }));
    await incidentTitled(incident.title, 'resolved');
    const warning = example('rmm-alert.v1', (b) => {
      b.alertId = 'rmm-e2e-warning';
      b.severity = 'medium';
    });
    const { alerts } = await accepted(postJson(issued['rmm'].alertUrl, warning));
    const recorded = await waitFor('the warning in the history', async () =>
      (await history('alert-history?disposition=record')).find((e) => e.alertId === alerts![0].alertId),
    );
    expect(recorded).toMatchObject({
      disposition: 'record',
      incidentId: null,
      recordReason: expect.any(String),
    });
  });

  it('Security: a critical finding escalates and its resolution resolves; a low one opens nothing', async () => {
    const finding = example('security-finding.v1', (b) => (b.summary = 'Dark-web exposure e2e'));
    await accepted(postJson(issued['security'].alertUrl, finding));
    await incidentTitled('Dark-web exposure e2e', 'triggered');
    await accepted(postJson(issued['security'].alertUrl, { ...finding, status: 'resolved' }));
    await incidentTitled('Dark-web exposure e2e', 'resolved');
    const low = example('security-finding.v1', (b) => {
      b.findingId = 'low-finding';
      b.severity = 'low';
      b.summary = 'Low posture finding e2e';
    });
    const { alerts } = await accepted(postJson(issued['security'].alertUrl, low));
    await waitFor('the low finding recorded', async () =>
      (await history('alert-history?disposition=record')).find((e) => e.alertId === alerts![0].alertId),
    );
    expect((await incidents()).find((i) => i.title === 'Low posture finding e2e')).toBeUndefined();
  });

  it('Backups: a failed job triggers, the next success of the job resolves', async () => {
    const failed = example('backup-job.v1', (b) => (b.jobName = 'Nightly e2e'));
    await accepted(postJson(issued['backups'].alertUrl, failed));
    const incident = await waitFor('the backup incident', async () =>
      (await incidents()).find((i) => i.title.includes('Nightly e2e') && i.status === 'triggered'),
    );
    await accepted(postJson(issued['backups'].alertUrl, { ...failed, result: 'success', error: undefined }));
    await incidentTitled(incident.title, 'resolved');
  });

  it('Defend: a high detection pages at high urgency with its MITRE facts on the incident; low is recorded', async () => {
    const detection = example('defend-detection.v1', (b) => (b.orgId = stage.demo.orgId));
    const defend = (body: unknown) =>
      postJson(`${stage.platform.url('ingestion-gateway')}/v1/alerts/defend`, body, 'POST', {
        authorization: `Bearer ${DEFEND_KEY}`,
      });
    await accepted(defend(detection));
    const incident = await incidentTitled('Encoded PowerShell download cradle detected on LAPTOP-ANNA');
    expect(incident).toMatchObject({ urgency: 'high', severity: 'high' });
    const detail = (await (
      await stage.platform.api(`/api/v1/incidents/${incident.incidentId}`, stage.manager)
    ).json()) as IncidentDetail;
    expect(detail.alerts.items[0].context).toMatchObject({
      origin: 'defend',
      device: 'LAPTOP-ANNA',
      clientName: 'Bakkerij de Vries',
      defend: {
        mitre: [
          { techniqueId: 'T1059.001', technique: 'PowerShell', tacticId: 'TA0002', tactic: 'Execution' },
        ],
        recommendedAction: "Isolate the device and reset the user's credentials.",
      },
    });
    // The history is written behind the step (ADR 0174): wait for it.
    const [entry] = await waitFor('the detection in the history', async () => {
      const entries = await history(`incidents/${incident.incidentId}/alert-history`);
      return entries.length > 0 ? entries : undefined;
    });
    expect(entry.alert).toMatchObject({
      device: 'LAPTOP-ANNA',
      origin: 'defend',
      defend: {
        device: { name: 'LAPTOP-ANNA' },
        mitre: [
          { techniqueId: 'T1059.001', technique: 'PowerShell', tacticId: 'TA0002', tactic: 'Execution' },
        ],
        recommendedAction: "Isolate the device and reset the user's credentials.",
      },
    });
    expect(entry.raw).toMatchObject({ detectionId: 'det-5521', mitre: detection['mitre'] });

    const low = { ...detection, detectionId: 'det-low', severity: 'low', threat: { name: 'Adware e2e' } };
    const { alertId } = await accepted(defend(low));
    await waitFor('the low detection recorded', async () =>
      (await history('alert-history?disposition=record')).find((e) => e.alertId === alertId),
    );
    expect((await incidents()).find((i) => i.title.startsWith('Adware e2e'))).toBeUndefined();
  });

  it('Alertmanager: one body sent 20 times is one incident; resolving resolves it', async () => {
    const body = example<Editable>('alert-webhook.v4', (b) => {
      b.alerts[0].fingerprint = 'e2e-20-times';
      b.alerts[0].annotations.summary = 'Twenty times e2e';
    });
    for (let sent = 0; sent < 20; sent += 1) await accepted(postJson(issued['alertmanager'].alertUrl, body));
    const incident = await waitFor('all 20 counted', async () => {
      const found = (await incidents()).find((i) => i.title === 'Twenty times e2e');
      return found?.alertCount === 20 ? found : undefined;
    });
    expect((await incidents()).filter((i) => i.title === 'Twenty times e2e')).toHaveLength(1);
    const entries = await waitFor('20 alerts in the history', async () => {
      const found = await history(`incidents/${incident.incidentId}/alert-history?limit=100`);
      return found.length === 20 ? found : undefined;
    });
    expect(entries[0].raw).toMatchObject({ groupKey: body.groupKey, alerts: [body.alerts[0]] });
    const resolved = { ...body, status: 'resolved', alerts: [{ ...body.alerts[0], status: 'resolved' }] };
    await accepted(postJson(issued['alertmanager'].alertUrl, resolved));
    await incidentTitled('Twenty times e2e', 'resolved');
  });

  it('PagerDuty: trigger, acknowledge and resolve by dedup_key; the history keeps no routing key', async () => {
    const gateway = stage.platform.url('ingestion-gateway');
    const event = example('pagerduty-event.v2', (b) => {
      b.routing_key = issued['pagerduty'].key;
      b.dedup_key = 'pd-e2e';
      b.payload.summary = 'PagerDuty e2e';
    });
    await postJson(`${gateway}/v2/enqueue`, event);
    const incident = await incidentTitled('PagerDuty e2e', 'triggered');
    const followUp = (action: string) =>
      postJson(`${gateway}/v2/enqueue`, {
        routing_key: issued['pagerduty'].key,
        event_action: action,
        dedup_key: 'pd-e2e',
      });
    await followUp('acknowledge');
    await incidentTitled('PagerDuty e2e', 'acknowledged');
    await followUp('resolve');
    await incidentTitled('PagerDuty e2e', 'resolved');
    const entries = await waitFor('three events in the history', async () => {
      const found = await history(`incidents/${incident.incidentId}/alert-history`);
      return found.length === 3 ? found : undefined;
    });
    expect(entries.map((entry) => entry.action)).toEqual(['resolve', 'acknowledge', 'trigger']);
    expect(JSON.stringify(entries)).not.toContain(issued['pagerduty'].key);
  });

  it('answers 404 for the alert history of an incident of another organization', async () => {
    const [incident] = await incidents();
    const other = stage.platform.token('another-org', 'manager');
    const response = await stage.platform.api(
      `/api/v1/incidents/${incident.incidentId}/alert-history`,
      other,
    );
    expect(response.status).toBe(404);
  });
});
