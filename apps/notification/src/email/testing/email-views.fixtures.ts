import type { PageEmailView } from '../email.types';

export const LINKS = {
  acknowledge: 'https://oncall.example/email-actions/acknowledge/tok.ack',
  resolve: 'https://oncall.example/email-actions/resolve/tok.res',
  incident: 'https://oncall.example/incidents/inc-1',
};

export function genericAlertPage(fields: Partial<PageEmailView> = {}): PageEmailView {
  return {
    incident: {
      id: 'inc-1',
      title: 'Disk full on srv-01',
      severity: 'critical',
      urgency: 'high',
      status: 'triggered',
      serviceName: 'Servers',
      clientName: 'Contoso',
      triggeredAt: '2027-03-01T02:00:00.000Z',
      url: LINKS.incident,
    },
    alert: {
      summary: 'Disk full on srv-01',
      source: 'RMM',
      details: [
        { key: 'disk.volume', value: 'C:' },
        { key: 'disk.used', value: '99%' },
      ],
      device: 'srv-01',
    },
    links: LINKS,
    ...fields,
  };
}

export function defendDetectionPage(): PageEmailView {
  const page = genericAlertPage();
  return {
    ...page,
    incident: {
      ...page.incident,
      title: 'Suspicious PowerShell on WS-042',
      serviceName: 'Endpoint security',
    },
    alert: {
      summary: 'Encoded PowerShell command spawned by winword.exe',
      source: 'Defend',
      details: [{ key: 'process.commandLine', value: 'powershell -enc SQBFAFgA' }],
      defend: {
        device: 'WS-042',
        mitre: [
          { techniqueId: 'T1059.001', technique: 'PowerShell', tacticId: 'TA0002', tactic: 'Execution' },
          { techniqueId: 'T1027', technique: 'Obfuscated Files or Information', tactic: 'Defense Evasion' },
        ],
        recommendedAction: 'Isolate the device and reset the user’s credentials.',
      },
    },
  };
}
