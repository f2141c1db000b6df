import { IncidentPage, IncidentSummary } from '@oncall/contracts';
import { stageForAll, waitFor } from '@oncall/platform-testing';
import { ServiceDirectory } from '../apps/dedup-grouping/src/collaborators/service-directory';
import { IncidentStage } from './support/incident-stage';
import { Editable, example, integrate, postJson } from './support/intake-fixtures';

const DEVICES = 50;
const ALERTS = 2_000;
const PER_BODY = 100;

/**
 * Issue 12's storm, through the real gateway and correlator: 2,000 distinct alerts (fingerprints) over 50
 * devices, sent as Alertmanager batches in parallel, on a service grouping by device. The alert keys land
 * on all 16 partitions, so groups are claimed concurrently: still exactly one incident per device, and every
 * alert counted on it.
 */
describe('A storm grouped by a device label', () => {
  const stage = stageForAll(() =>
    IncidentStage.start('groupstorm', { env: { INTEGRATION_RATE_BURST: '100000' } }),
  );

  beforeAll(async () => {
    const patched = await stage.platform.api(`/api/v1/services/${stage.demo.serviceId}`, stage.manager, {
      method: 'PATCH',
      // Alertmanager alerts name their machine in a label: group by it.
      body: JSON.stringify({ grouping: { by: 'label', label: 'device', windowMinutes: 60 } }),
    });
    expect(patched.status).toBe(200);
    const services = stage.platform.service('dedup-grouping').app.get(ServiceDirectory);
    await waitFor('the grouping copied', () =>
      Boolean(services.routeOf(stage.demo.orgId, stage.demo.serviceId)?.grouping),
    );
  }, 90_000);

  it(`turns ${ALERTS} alerts over ${DEVICES} devices into ${DEVICES} incidents holding them all`, async () => {
    const webhook = await integrate(stage.platform, stage.manager, stage.demo.serviceId, 'alertmanager');
    const template = example<Editable>('alert-webhook.v4').alerts[0] as Editable;
    const bodies = Array.from({ length: ALERTS / PER_BODY }, (_, b) =>
      example('alert-webhook.v4', (body) => {
        body.alerts = Array.from({ length: PER_BODY }, (__, i) => {
          const n = b * PER_BODY + i;
          return {
            ...template,
            fingerprint: `storm-${n}`,
            labels: { ...template.labels, alertname: `Storm ${n % DEVICES}`, device: `dev-${n % DEVICES}` },
            annotations: { summary: `Storm on dev-${n % DEVICES}` },
          };
        });
      }),
    );
    const started = Date.now();
    const answers = await Promise.all(bodies.map((body) => postJson(webhook.alertUrl, body)));
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 202));
    const incidents = await waitFor(
      'every alert counted',
      async () => {
        const page = (await (
          await stage.platform.api('/api/v1/incidents?limit=200', stage.manager)
        ).json()) as IncidentPage;
        const storm = page.items.filter((incident: IncidentSummary) => incident.title.startsWith('Storm on'));
        const counted = storm.reduce((sum, incident) => sum + incident.alertCount, 0);
        return counted === ALERTS ? storm : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );
    console.log(`${ALERTS} grouped alerts correlated in ${Date.now() - started} ms`);
    expect(incidents).toHaveLength(DEVICES);
    expect(new Set(incidents.map((incident) => incident.title)).size).toBe(DEVICES);
    expect(incidents.every((incident) => incident.alertCount === ALERTS / DEVICES)).toBe(true);
  }, 180_000);
});
