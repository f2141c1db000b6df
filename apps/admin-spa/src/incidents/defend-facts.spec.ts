import type { IncidentAlertView } from '../api/types';
import { defendSummaryOf, techniqueLabel, techniqueUrl } from './defend-facts';

const alert = (position: number, context?: Record<string, unknown>): IncidentAlertView => ({
  position,
  alertId: `a-${position}`,
  dedupKey: `k-${position}`,
  summary: 'Detection',
  severity: 'critical',
  receivedAt: '2026-12-06T10:00:00.000Z',
  repeatCount: 0,
  lastSeenAt: null,
  ...(context ? { context } : {}),
});

describe('defendSummaryOf', () => {
  const defend = {
    device: { name: 'PC-ANNA', os: 'Windows 11', ip: '10.0.0.7' },
    threat: { name: 'Mimikatz' },
    mitre: [
      {
        techniqueId: 'T1003.001',
        technique: 'LSASS Memory',
        tacticId: 'TA0006',
        tactic: 'Credential Access',
      },
      { bad: 1 },
    ],
    recommendedAction: 'Isolate the device',
    consoleUrl: 'javascript:alert(1)',
  };

  it('takes the newest alert that carries a detection, keeping only well-formed facts', () => {
    expect(
      defendSummaryOf([alert(3), alert(2, { defend }), alert(1, { defend: { device: { name: 'OLD' } } })]),
    ).toEqual({
      device: { name: 'PC-ANNA', os: 'Windows 11', ip: '10.0.0.7' },
      threat: 'Mimikatz',
      mitre: [defend.mitre[0]],
      recommendedAction: 'Isolate the device',
    });
  });

  it.each([[[]], [[alert(1)]], [[alert(1, { defend: { device: {} } })]], [[alert(1, { defend: 'x' })]]])(
    'is null without a detection naming a device (%#)',
    (alerts) => {
      expect(defendSummaryOf(alerts)).toBeNull();
    },
  );
});

describe('techniques', () => {
  it.each([
    [
      { techniqueId: 'T1059.001', technique: 'PowerShell', tacticId: 'TA0002', tactic: 'Execution' },
      'T1059.001 PowerShell (TA0002 Execution)',
    ],
    [{ techniqueId: 'T1486' }, 'T1486'],
  ])('labels %o as %s', (technique, label) => {
    expect(techniqueLabel(technique)).toBe(label);
  });

  it.each([
    ['T1059.001', 'https://attack.mitre.org/techniques/T1059/001/'],
    ['T1486', 'https://attack.mitre.org/techniques/T1486/'],
    ['custom-7', undefined],
  ])('links %s to %s', (id, url) => {
    expect(techniqueUrl(id)).toBe(url);
  });
});
