import { waitFor } from '@oncall/platform-testing';
import { DEMO_SERVICE } from '../apps/admin-api/src/seed/seed-demo';
import { GoldenPath, PUBLIC_URL } from './support/golden-path';
import { textLink } from './support/notification-bus';

const STORM = 20_000;
const DEFEND_SERVICE_KEY = 'golden-defend-key-0123456789abcdef';
const CONCURRENCY = 64;

/**
 * The product's first promise, through every service running as its own process on the real clock, with a
 * real SMTP server: an alert POSTed to the gateway is an email in the on-call technician's inbox within a
 * second, even while another organization's monitor floods the platform.
 */
describe('Golden path: alert POSTed → the on-call technician’s email (service processes, real SMTP)', () => {
  let golden: GoldenPath;

  beforeAll(async () => {
    // The storm's integration may send as fast as it likes: the correlator, not the gateway, meets it.
    golden = await GoldenPath.start('golden', { INTEGRATION_RATE_PER_SECOND: '100000', INTEGRATION_RATE_BURST: '100000', NOTIFY_DIGEST_THRESHOLD: '100', DEFEND_SERVICE_KEY }); // prettier-ignore
  }, 300_000);
  afterAll(() => golden?.close());

  it('emails the technician on call within 1 s: the alert, the service, its details and one-click links', async () => {
    const { ms, mail } = await golden.alertToEmail({ summary: 'Disk C: 95% full on FS01', device: 'FS01', details: { disk: { volume: 'C:', used: '95%' } } }); // prettier-ignore
    console.log(`alert POST → email accepted by SMTP: ${ms} ms`);
    expect(ms).toBeLessThan(1_000);
    expect(mail.subject).toMatch(new RegExp(`^\\[CRITICAL\\] ${escape(DEMO_SERVICE.name)} · .*Disk C: 95% full on FS01 #`));
    expect(mail.text).toContain(`Service: ${DEMO_SERVICE.name}`);
    expect(mail.text).toContain('disk.volume: C:');
    expect(textLink(mail, 'Acknowledge')).toMatch(new RegExp(`^${escape(PUBLIC_URL)}/email-actions/acknowledge/`));
    expect(textLink(mail, 'Resolve')).toMatch(new RegExp(`^${escape(PUBLIC_URL)}/email-actions/resolve/`));
  }); // prettier-ignore

  it('emails a Defend detection with the device, the MITRE technique and the recommended action', async () => {
    await golden.call('POST', `/api/v1/services/${golden.demo.serviceId}/integrations`, { type: 'defend', name: 'Defend' });
    const detection = (summary: string) => ({
      schemaVersion: 1, orgId: golden.demo.orgId, detectionId: `det-${summary.split('#')[1]}`, status: 'active', severity: 'critical',
      device: { name: 'LAPTOP-ANNA', id: 'dev-77', os: 'Windows 11' }, client: { id: 'site-881', name: 'Bakkerij de Vries' },
      threat: { name: summary, category: 'execution' },
      mitre: [{ tacticId: 'TA0002', tactic: 'Execution', techniqueId: 'T1059.001', technique: 'PowerShell' }],
      recommendedAction: "Isolate the device and reset the user's credentials.",
      detectedAt: new Date().toISOString(),
    });
    const post = (body: Record<string, unknown>) =>
      fetch(`${golden.url('ingestion-gateway')}/v1/alerts/defend`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${DEFEND_SERVICE_KEY}` }, body: JSON.stringify(detection(String(body.summary))) });
    // The gateway learns of the new Defend integration through its copy of the directory.
    const { mail } = await waitFor('the Defend page', async () => {
      try {
        return await golden.alertToEmail({ summary: 'Encoded PowerShell download cradle' }, undefined, 5_000, post);
      } catch {
        return undefined;
      }
    }, { timeoutMs: 30_000 });
    expect(mail.subject).toMatch(/^\[CRITICAL\] .*Encoded PowerShell download cradle/);
    expect(mail.text).toContain('Device: LAPTOP-ANNA');
    expect(mail.text).toContain('MITRE ATT&CK: T1059.001 PowerShell (TA0002 Execution)');
    expect(mail.text).toContain("Recommended action: Isolate the device and reset the user's credentials.");
  }); // prettier-ignore

  it('emails the technician within 1 s while another organization floods the gateway with 20,000 alerts', async () => {
    const manager = golden.platform.token('storm-msp', 'manager');
    const service = await golden.call<{ id: string }>('POST', '/api/v1/services', { name: 'Storm servers' }, manager);
    const { key } = await golden.call<{ key: string }>('POST', `/api/v1/services/${service.id}/integrations`, { type: 'generic', name: 'Flapping monitor' }, manager); // prettier-ignore
    const flood = golden.flood(key, STORM, CONCURRENCY);
    // Well into the storm: the gateway, the correlator and the bus are busy with it.
    while (flood.sent() < STORM / 4) await new Promise((resolve) => setTimeout(resolve, 20));
    const during: { ms: number; stormSent: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const { ms, mail } = await golden.alertToEmail({ summary: `Exchange down at Contoso (${i})` });
      expect(mail.subject).toContain(`Exchange down at Contoso (${i})`);
      during.push({ ms, stormSent: flood.sent() });
    }
    const storm = await flood.done;
    console.log(`during a ${STORM}-alert storm (${JSON.stringify(storm)}): ${JSON.stringify(during)}`);
    expect(storm).toEqual({ accepted: STORM, refused: 0 });
    expect(during.every((page) => page.stormSent < STORM)).toBe(true); // the pages went out while the storm was on
    for (const page of during) expect(page.ms).toBeLessThan(1_000);
  }, 300_000); // prettier-ignore
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
