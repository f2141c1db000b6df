import { stageForAll, waitFor } from '@oncall/platform-testing';
import { externalIdOf, PsaStage, setClockOffset } from './support/psa-fixtures';

const INCIDENTS = 20;

describe('PSA outage (PSA stand-in answering 503, platform clock fast-forwarded)', () => {
  const stage = stageForAll(() =>
    PsaStage.start('psa-outage', 'outage-msp', { env: { PLATFORM_CLOCK: 'test' } }),
  );

  it('keeps every request while the PSA answers 503 for 60 s, then creates each ticket once', async () => {
    stage.psa.failWith(503, 'Down for maintenance');
    const incidents: string[] = [];
    for (let i = 0; i < INCIDENTS; i++) {
      const incident = await stage.org.incidents.trigger(`Outage incident ${i}`, { dedupKey: `outage-${i}` }, stage.org.technician); // prettier-ignore
      expect(
        (await stage.org.incidents.act(stage.org.technician, incident.incidentId, 'acknowledge')).status,
      ).toBe(200);
      incidents.push(incident.incidentId);
    }
    const delayed = 'PSA ticket delayed: Down for maintenance (HTTP 503); trying again';
    await waitFor('every incident to say its ticket is delayed', async () => {
      for (const id of incidents) {
        const { timeline } = await stage.org.incidents.detail(stage.org.technician, id);
        if (!timeline.items.some((entry) => entry.detail.summary === delayed)) return false;
      }
      return true;
    }, { timeoutMs: 20_000, intervalMs: 200 }); // prettier-ignore

    // 60 s of outage in 10 s steps: every lane comes due again and again, and is refused each time.
    for (let seconds = 10; seconds <= 60; seconds += 10) {
      const refusals = stage.psa.requests.length;
      await setClockOffset(stage.bus, seconds * 1_000);
      await waitFor(`retries at +${seconds} s`, () => stage.psa.requests.length > refusals, {
        timeoutMs: 10_000,
      });
    }
    // Every incident's request was refused and tried again, and again (a retry first searches by the external
    // id): its first two retries come due within 7 s of its first refusal, so each has three refusals by +60 s.
    const refusalsOf = (id: string) =>
      stage.psa.requests.filter(
        (request) => request.status === 503 && request.externalId === externalIdOf(stage.org.orgId, id),
      ).length;
    await waitFor('three refusals of every request', () => incidents.every((id) => refusalsOf(id) >= 3), { timeoutMs: 20_000 }); // prettier-ignore
    expect(stage.psa.tickets.size).toBe(0);

    stage.psa.recover();
    await setClockOffset(stage.bus, 60_000 + 5 * 60_000);
    await waitFor('every ticket created', () => stage.psa.tickets.size === INCIDENTS, { timeoutMs: 20_000 });
    await waitFor('every ticket on its incident', async () => {
      for (const id of incidents) if (!(await stage.org.incidents.detail(stage.org.technician, id)).incident.ticket) return false;
      return true;
    }, { timeoutMs: 20_000, intervalMs: 200 }); // prettier-ignore
    for (const id of incidents)
      expect(stage.psa.ticketByExternalId(externalIdOf(stage.org.orgId, id))).toBeDefined();
    expect(stage.psa.requests.filter((request) => request.status === 201)).toHaveLength(INCIDENTS);
    expect(stage.psa.requests.filter((request) => request.status === 409)).toHaveLength(0);
  }, 120_000);
});
