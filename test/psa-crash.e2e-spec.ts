import { freePort, ServiceProcess, spawnService } from '@oncall/platform-testing';
import { PlatformHarness } from './support/platform-harness';
import { externalIdOf, psaEnvironment, PsaOrganization, psaOrganization, waitForLinkedTicket } from './support/psa-fixtures'; // prettier-ignore
import { PsaStandIn } from './support/psa-stand-in';

/**
 * psa-sync as a real process, killed (SIGKILL) after the PSA stored the ticket and before psa-sync heard
 * the answer, so the link was never recorded; then started again.
 */
describe('psa-sync killed between the PSA’s answer and recording the link (PSA stand-in)', () => {
  let platform: PlatformHarness;
  let psa: PsaStandIn;
  let org: PsaOrganization;
  let child: ServiceProcess | undefined;

  const startPsaSync = async () =>
    spawnService('psa-sync', { env: { ...platform.env, LOG_LEVEL: 'info' }, port: await freePort(), readyTimeoutMs: 60_000 }); // prettier-ignore

  beforeAll(async () => {
    psa = await PsaStandIn.start();
    platform = await PlatformHarness.create('psa-crash');
    platform.configure(psaEnvironment(psa));
    await platform.start('admin-api', 'ingestion-gateway', 'dedup-grouping', 'incident-state');
    org = await psaOrganization(platform, 'crash-msp');
    child = await startPsaSync();
  }, 90_000);

  afterAll(async () => {
    await child?.stop('SIGKILL');
    await platform.close();
    await psa.close();
  });

  it('still makes exactly one ticket: the restarted process finds it by external id instead of creating another', async () => {
    const killed = new Promise<void>((resolve) => {
      psa.onCreate(async () => {
        psa.onCreate(undefined);
        await child?.stop('SIGKILL');
        resolve();
      });
    });
    const incident = await org.incidents.trigger('Crash between answer and record', {}, org.technician);
    await org.incidents.act(org.technician, incident.incidentId, 'acknowledge');
    await killed;
    const externalId = externalIdOf(org.orgId, incident.incidentId);
    expect(psa.ticketByExternalId(externalId)).toBeDefined();
    const detail = await org.incidents.detail(org.technician, incident.incidentId);
    expect(detail.incident.ticket).toBeNull();

    const requestsBeforeRestart = psa.requests.length;
    child = await startPsaSync();
    const linked = await waitForLinkedTicket(org, incident.incidentId, 45_000);

    expect(psa.creates()).toHaveLength(1);
    expect([...psa.tickets.values()].filter((ticket) => ticket.externalId === externalId)).toHaveLength(1);
    expect(linked.incident.ticket?.ticketId).toBe(psa.ticketByExternalId(externalId)?.id);
    const afterRestart = psa.requests
      .slice(requestsBeforeRestart)
      .map((request) => `${request.method} ${request.path}`);
    expect(afterRestart).toEqual(['GET /api/tickets']);
  }, 120_000);
});
