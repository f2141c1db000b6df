import { ServiceProcess } from '@oncall/platform-testing';
import { INCIDENT_SERVICES } from './support/incident-stage';
import { externalIdOf, PsaStage, waitForLinkedTicket } from './support/psa-fixtures';

/**
 * psa-sync as a real process, killed (SIGKILL) after the PSA stored the ticket and before psa-sync heard
 * the answer, so the link was never recorded; then started again.
 */
describe('psa-sync killed between the PSA’s answer and recording the link (PSA stand-in)', () => {
  let stage: PsaStage;
  let child: ServiceProcess | undefined;

  const startPsaSync = () => stage.platform.spawn('psa-sync', { LOG_LEVEL: 'info' });

  beforeAll(async () => {
    // psa-sync runs as a process of its own, started here.
    stage = await PsaStage.start('psa-crash', 'crash-msp', { services: INCIDENT_SERVICES });
    child = await startPsaSync();
  }, 90_000);

  afterAll(async () => {
    await child?.stop('SIGKILL');
    await stage.close();
  });

  it('still makes exactly one ticket: the restarted process finds it by external id instead of creating another', async () => {
    const killed = new Promise<void>((resolve) => {
      stage.psa.onCreate(async () => {
        stage.psa.onCreate(undefined);
        await child?.stop('SIGKILL');
        resolve();
      });
    });
    const incident = await stage.org.incidents.trigger(
      'Crash between answer and record',
      {},
      stage.org.technician,
    );
    await stage.org.incidents.act(stage.org.technician, incident.incidentId, 'acknowledge');
    await killed;
    const externalId = externalIdOf(stage.org.orgId, incident.incidentId);
    expect(stage.psa.ticketByExternalId(externalId)).toBeDefined();
    const detail = await stage.org.incidents.detail(stage.org.technician, incident.incidentId);
    expect(detail.incident.ticket).toBeNull();

    const requestsBeforeRestart = stage.psa.requests.length;
    child = await startPsaSync();
    const linked = await waitForLinkedTicket(stage.org, incident.incidentId, 45_000);

    expect(stage.psa.creates()).toHaveLength(1);
    expect([...stage.psa.tickets.values()].filter((ticket) => ticket.externalId === externalId)).toHaveLength(
      1,
    );
    expect(linked.incident.ticket?.ticketId).toBe(stage.psa.ticketByExternalId(externalId)?.id);
    const afterRestart = stage.psa.requests
      .slice(requestsBeforeRestart)
      .map((request) => `${request.method} ${request.path}`);
    expect(afterRestart).toEqual(['GET /api/tickets']);
  }, 120_000);
});
