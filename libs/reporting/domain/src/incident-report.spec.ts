import { incidentReport } from './incident-report';
import type { AcknowledgementRecord, IncidentRecord } from './report.types';

const MARCH = { from: '2027-03-01T00:00:00.000Z', to: '2027-04-01T00:00:00.000Z' };

function incident(
  id: string,
  openedAt: string,
  facts: { ackAfter?: number; resolveAfter?: number } & Partial<IncidentRecord>,
): IncidentRecord {
  const opened = Date.parse(openedAt);
  const after = (seconds?: number) =>
    seconds === undefined ? null : new Date(opened + seconds * 1000).toISOString();
  return {
    incidentId: id,
    openedAt,
    acknowledgedAt: after(facts.ackAfter),
    resolvedAt: after(facts.resolveAfter),
    merged: facts.merged ?? false,
    severity: facts.severity ?? 'critical',
    serviceId: facts.serviceId ?? 'svc-a',
    sourceId: facts.sourceId === undefined ? 'int-1' : facts.sourceId,
    alertCount: facts.alertCount ?? 1,
    maxLevel: facts.maxLevel ?? 1,
    unanswered: facts.unanswered ?? false,
  };
}

/** A March with six incidents in the window and one just before it. */
const HISTORY: IncidentRecord[] = [
  incident('i1', '2027-03-02T10:00:00.000Z', { ackAfter: 60, resolveAfter: 600, alertCount: 3 }),
  incident('i2', '2027-03-05T12:00:00.000Z', {
    ackAfter: 120,
    resolveAfter: 1200,
    severity: 'high',
    maxLevel: 2,
  }),
  incident('i3', '2027-03-10T08:00:00.000Z', {
    ackAfter: 300,
    resolveAfter: 3600,
    serviceId: 'svc-b',
    sourceId: 'int-2',
    alertCount: 5,
    maxLevel: 3,
  }),
  incident('i4', '2027-03-20T23:00:00.000Z', {
    ackAfter: 600,
    severity: 'warning',
    serviceId: 'svc-b',
    sourceId: null,
  }),
  incident('i5', '2027-03-28T01:30:00.000Z', {
    resolveAfter: 7200,
    serviceId: 'svc-c',
    sourceId: 'int-2',
    alertCount: 2,
    maxLevel: 3,
    unanswered: true,
  }),
  // Merged away after 100 s: part of the volume, not of the time to resolve.
  incident('i6', '2027-03-15T09:00:00.000Z', { resolveAfter: 100, merged: true, severity: 'info' }),
  incident('i7', '2027-02-28T23:59:59.000Z', { ackAfter: 5, resolveAfter: 10 }),
];

const ACKS: AcknowledgementRecord[] = [
  { incidentId: 'i1', userId: 'alice', at: '2027-03-02T10:01:00.000Z' },
  { incidentId: 'i2', userId: 'bob', at: '2027-03-05T12:02:00.000Z' },
  { incidentId: 'i3', userId: 'alice', at: '2027-03-10T08:05:00.000Z' },
  { incidentId: 'i3', userId: 'bob', at: '2027-03-10T08:20:00.000Z' },
  { incidentId: 'i4', userId: 'alice', at: '2027-03-20T23:10:00.000Z' },
  { incidentId: 'i7', userId: 'carol', at: '2027-03-01T00:00:04.000Z' },
];

const CLIENTS = { 'svc-a': 'client-x', 'svc-b': 'client-x', 'svc-c': null };

describe('incidentReport over a hand-built March', () => {
  const report = incidentReport(HISTORY, ACKS, { window: MARCH }, CLIENTS);

  it('counts the incidents opened in the window only', () => {
    expect(report.incidents).toBe(6);
  });

  it('gives MTTA over acknowledged incidents: 60, 120, 300, 600 s', () => {
    expect(report.mtta).toEqual({ count: 4, mean: 270, median: 210, p90: 510 });
  });

  it('gives MTTR over resolved incidents not merged away: 600, 1200, 3600, 7200 s', () => {
    expect(report.mttr).toEqual({ count: 4, mean: 3150, median: 2400, p90: 6120 });
  });

  it('breaks the volume down by severity, service, client and source integration', () => {
    expect(report.volume).toEqual({
      bySeverity: { critical: 3, high: 1, warning: 1, info: 1 },
      byService: { 'svc-a': 3, 'svc-b': 2, 'svc-c': 1 },
      byClient: { 'client-x': 5, none: 1 },
      bySource: { 'int-1': 3, 'int-2': 2, none: 1 },
    });
  });

  it('gives the escalation rate (beyond step 1) and the unanswered share', () => {
    expect(report.escalation).toEqual({
      steppedBeyondFirst: 3,
      escalationRate: 0.5,
      unanswered: 1,
      unansweredRate: 1 / 6,
    });
  });

  it('gives the alerts-to-incidents ratio and acknowledgements by person', () => {
    expect(report.noise).toEqual({ alerts: 13, alertsPerIncident: 13 / 6 });
    expect(report.acknowledgementsByPerson).toEqual({ alice: 3, bob: 2 });
  });

  it('narrows by service, severity and source', () => {
    const critical = incidentReport(HISTORY, ACKS, { window: MARCH, severities: ['critical'] });
    expect(critical.incidents).toBe(3);
    expect(critical.mttr).toEqual({ count: 3, mean: 3800, median: 3600, p90: 6480 });
    expect(incidentReport(HISTORY, ACKS, { window: MARCH, serviceIds: ['svc-b'] }).incidents).toBe(2);
    expect(incidentReport(HISTORY, ACKS, { window: MARCH, sourceIds: ['int-2'] }).incidents).toBe(2);
  });

  it('answers an empty window with zero counts and no figures', () => {
    const empty = incidentReport(HISTORY, ACKS, {
      window: { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' },
    });
    expect(empty.incidents).toBe(0);
    expect(empty.mtta).toEqual({ count: 0, mean: null, median: null, p90: null });
    expect(empty.escalation.escalationRate).toBeNull();
    expect(empty.noise.alertsPerIncident).toBeNull();
  });
});
