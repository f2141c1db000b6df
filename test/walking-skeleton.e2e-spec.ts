import { IncidentPage } from '@oncall/contracts';
import { stageForAll, waitFor } from '@oncall/platform-testing';
import { connect } from 'nats';
import { IncidentStage } from './support/incident-stage';
import { PlatformHarness } from './support/platform-harness';
import { untilIncidentProjectionsCaughtUp } from './support/settled';

describe('Walking skeleton: an alert posted to the gateway becomes an incident the API lists', () => {
  const stage = stageForAll(() => IncidentStage.start('skeleton'));
  beforeAll(() => warmUp());

  /** The 1 s figure is about steady state: first let every hop open its connections and caches once. */
  async function warmUp(): Promise<void> {
    await stage.platform.postAlert(stage.demo.integrationKey, {
      summary: 'warm-up',
      severity: 'info',
      source: 'test',
    });
    await waitFor('the warm-up incident', async () =>
      (await listIncidents()).items.some((i) => i.title === 'warm-up'),
    );
  }

  const listIncidents = async (): Promise<IncidentPage> => {
    const response = await stage.platform.api('/api/v1/incidents', stage.manager);
    expect(response.status).toBe(200);
    return (await response.json()) as IncidentPage;
  };

  it('answers 202 with the dedup key and lists the incident within 1 s', async () => {
    const started = Date.now();
    const response = await stage.platform.postAlert(stage.demo.integrationKey, {
      summary: 'Disk C: 95% full on FS01',
      severity: 'critical',
      source: 'rmm',
      dedupKey: 'fs01-disk-c',
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ status: 'accepted', dedupKey: 'fs01-disk-c' });
    const incident = await waitFor(
      'the incident to be listed',
      async () => (await listIncidents()).items.find((item) => item.title === 'Disk C: 95% full on FS01'),
      { timeoutMs: 1_000, intervalMs: 20 },
    );
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(incident).toMatchObject({
      orgId: stage.demo.orgId,
      serviceId: stage.demo.serviceId,
      status: 'triggered',
      severity: 'critical',
      alertCount: 1,
    });
  });

  it('appends a second alert with the same dedup key to the open incident instead of opening another', async () => {
    const alert = {
      summary: 'VPN tunnel down at Acme',
      severity: 'high',
      source: 'fw',
      dedupKey: 'acme-vpn',
    };
    expect((await stage.platform.postAlert(stage.demo.integrationKey, alert)).status).toBe(202);
    expect(
      (await stage.platform.postAlert(stage.demo.integrationKey, { ...alert, severity: 'critical' })).status,
    ).toBe(202);
    const incident = await waitFor('both alerts on one incident', async () => {
      const matching = (await listIncidents()).items.filter((item) => item.title === alert.summary);
      return matching.length === 1 && matching[0].alertCount === 2 ? matching[0] : undefined;
    });
    expect(incident.status).toBe('triggered');
    // A wrongly opened second incident would be listed once the projections have read every event.
    await untilIncidentProjectionsCaughtUp(stage.platform);
    expect((await listIncidents()).items.filter((item) => item.title === alert.summary)).toHaveLength(1);
  });

  it('exposes per-service Prometheus counters and latency histograms', async () => {
    const dedup = await (await fetch(`${stage.platform.url('dedup-grouping')}/metrics`)).text();
    expect(dedup).toMatch(
      /oncall_alerts_correlated_total\{outcome="applied",service="dedup-grouping"\} [1-9]/,
    );
    expect(dedup).toMatch(/oncall_correlator_backlog\{service="dedup-grouping"\} \d+/);
    const incidents = await (await fetch(`${stage.platform.url('incident-state')}/metrics`)).text();
    expect(incidents).toMatch(
      /oncall_messages_handled_total\{subject="oncall\.cmd\.incident-batch\.trigger-incidents",outcome="reply"/,
    );
    const gateway = await (await fetch(`${stage.platform.url('ingestion-gateway')}/metrics`)).text();
    expect(gateway).toMatch(
      /oncall_http_request_seconds_count\{[^}]*method="POST",route="\/v1\/alerts\/generic\/:integrationKey",status="202"\} [1-9]/,
    );
  });

  describe('a malformed alert is refused with 400 problem+json naming the field, and nothing is published', () => {
    const valid = { summary: 'ok', severity: 'info', source: 'test' };
    it.each<[string, string, string]>([
      ['missing summary', JSON.stringify({ severity: 'info', source: 'test' }), 'summary'],
      ['a severity outside the list', JSON.stringify({ ...valid, severity: 'apocalyptic' }), 'severity'],
      ['a blank summary', JSON.stringify({ ...valid, summary: ' \t ' }), 'summary'],
      [
        'a summary over 1024 UTF-16 units',
        JSON.stringify({ ...valid, summary: '\u{1F525}'.repeat(513) }),
        'summary',
      ],
      ['a blank source', JSON.stringify({ ...valid, source: '  ' }), 'source'],
      ['a blank dedupKey', JSON.stringify({ ...valid, dedupKey: ' ' }), 'dedupKey'],
      ['a week-date occurredAt', JSON.stringify({ ...valid, occurredAt: '2027-W01-1' }), 'occurredAt'],
      ['an ordinal-date occurredAt', JSON.stringify({ ...valid, occurredAt: '2027-001' }), 'occurredAt'],
      ['an hour-only occurredAt', JSON.stringify({ ...valid, occurredAt: '2027-01-01T12' }), 'occurredAt'],
      [
        'an occurredAt without an offset',
        JSON.stringify({ ...valid, occurredAt: '2027-01-01T12:00:00' }),
        'occurredAt',
      ],
      ['a body that is not JSON', '{"summary": "unterminated', 'body'],
      ['a JSON array instead of an object', JSON.stringify([valid]), 'body'],
      [
        'a body over 256 KiB',
        JSON.stringify({ ...valid, details: { blob: 'x'.repeat(256 * 1024) } }),
        'body',
      ],
    ])('%s', async (_, body, field) => {
      const before = await alertsStored(stage.platform);
      const response = await stage.platform.postAlert(stage.demo.integrationKey, body);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await response.json()) as {
        status: number;
        detail: string;
        errors: { field: string }[];
      };
      expect(problem.status).toBe(400);
      expect(problem.errors.map((error) => error.field)).toContain(field);
      expect(problem.detail).toContain(field);
      expect(await alertsStored(stage.platform)).toBe(before);
    });
  });

  it('refuses an unknown integration key with 401 and publishes nothing', async () => {
    const before = await alertsStored(stage.platform);
    const response = await stage.platform.postAlert('0'.repeat(32), {
      summary: 's',
      severity: 'info',
      source: 'x',
    });
    expect(response.status).toBe(401);
    expect(await alertsStored(stage.platform)).toBe(before);
  });

  it('opens an incident for a summary of exactly 1024 UTF-16 units (two spaces, 511 emoji), titled without the spaces', async () => {
    const summary = `  ${'\u{1F525}'.repeat(511)}`;
    const response = await stage.platform.postAlert(stage.demo.integrationKey, {
      summary,
      severity: 'info',
      source: 'x',
    });
    expect(response.status).toBe(202);
    await waitFor('the emoji incident', async () =>
      (await listIncidents()).items.find((item) => item.title === summary.trim()),
    );
  });

  it('refuses the incident list without a valid bearer token', async () => {
    const response = await fetch(`${stage.platform.url('admin-api')}/api/v1/incidents`);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const forged = await stage.platform.api('/api/v1/incidents', `${stage.manager.slice(0, -4)}AAAA`);
    expect(forged.status).toBe(401);
  });

  // Last: stops the directory.
  it('checks keys from its own copy while the directory is down: 401 for malformed or unknown ones, 202 for the demo key', async () => {
    await stage.platform.stop('admin-api');
    const alert = { summary: 's', severity: 'info', source: 'x' };
    for (const key of ['not-a-key', 'A'.repeat(32), '0'.repeat(31), `${'0'.repeat(32)}0`, 'f'.repeat(32)]) {
      expect((await stage.platform.postAlert(key, alert)).status).toBe(401);
    }
    expect((await stage.platform.postAlert(stage.demo.integrationKey, alert)).status).toBe(202);
  });
});

async function alertsStored(platform: PlatformHarness): Promise<number> {
  const nc = await connect({ servers: platform.env.NATS_URL });
  try {
    const jsm = await nc.jetstreamManager();
    const info = await jsm.streams.info(`${platform.env.NATS_SUBJECT_PREFIX}_ONCALL_ALERTS`);
    return info.state.messages;
  } finally {
    await nc.close();
  }
}
