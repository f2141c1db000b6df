import backupExample from '../schemas/backup-job.v1.schema.json';
import defendExample from '../schemas/defend-detection.v1.schema.json';
import rmmExample from '../schemas/rmm-alert.v1.schema.json';
import securityExample from '../schemas/security-finding.v1.schema.json';
import { facts, integration, RECEIVED_AT, refusedFields } from '../testing/intake-fixtures';
import { mapBackupJob } from './map-backup-job';
import { mapDefendDetection } from './map-defend-detection';
import { mapRmmAlert, RmmMappingOptions } from './map-rmm-alert';
import { mapSecurityFinding } from './map-security-finding';

const rmm = rmmExample.examples[0];
const detection = defendExample.examples[0];
const finding = securityExample.examples[0];
const backup = backupExample.examples[0];

describe('mapRmmAlert', () => {
  it('maps a critical breach to a paging trigger keyed by the RMM alert id', () => {
    expect(mapRmmAlert(rmm, integration('rmm', 'Datto RMM'), facts)).toEqual({
      rejected: [],
      alerts: [
        {
          alertId: 'a-0',
          orgId: 'org-1',
          integrationId: 'int-rmm',
          integrationName: 'Datto RMM',
          serviceId: 'svc-1',
          origin: 'rmm',
          kind: 'alert',
          action: 'trigger',
          disposition: 'page',
          dedupKey: 'rmm-7f3a9c',
          summary: 'Free space on C: on FS01: 3% (threshold 5%)',
          severity: 'critical',
          source: 'FS01',
          device: 'FS01',
          component: 'Free space on C:',
          client: 'site-881',
          clientName: 'Bakkerij de Vries',
          labels: {},
          details: {
            device: rmm.device,
            monitor: rmm.monitor,
            threshold: rmm.threshold,
            value: 3,
          },
          links: [{ href: 'https://rmm.example/alerts/rmm-7f3a9c', text: 'Open in the RMM' }],
          images: [],
          occurredAt: '2027-03-02T09:58:00.000Z',
          receivedAt: RECEIVED_AT,
        },
      ],
    });
  });

  // prettier-ignore
  it.each<[string, object, RmmMappingOptions | undefined, object]>([
    ['high is recorded by default', { severity: 'high' }, undefined, { disposition: 'record', recordReason: 'severity high: device alerts page from critical', severity: 'high' }],
    ['high pages where the service pages from high', { severity: 'high' }, { pageFrom: 'high' }, { disposition: 'page', severity: 'high' }],
    ['medium is warning, recorded', { severity: 'medium' }, undefined, { disposition: 'record', severity: 'warning' }],
    ['a value short of the threshold is recorded', { value: 7 }, undefined, { disposition: 'record', recordReason: 'value 7 has not reached the threshold 5' }],
    ['a value at the threshold pages', { value: 5 }, undefined, { disposition: 'page' }],
    ['above: a value over the threshold pages', { threshold: { value: 90 }, value: 97 }, undefined, { disposition: 'page' }],
    ['above: a value under the threshold is recorded', { threshold: { value: 90 }, value: 80 }, undefined, { disposition: 'record' }],
    ['an alert without threshold (offline) pages', { threshold: undefined, value: undefined }, undefined, { disposition: 'page' }],
    ['cleared resolves, whatever the severity', { state: 'cleared', severity: 'low', clearedAt: '2027-03-02T10:20:00+01:00' }, undefined, { action: 'resolve', disposition: 'page', occurredAt: '2027-03-02T09:20:00.000Z' }],
    ['cleared without clearedAt happened when received', { state: 'cleared' }, undefined, { action: 'resolve', occurredAt: RECEIVED_AT }],
    ['a message is the summary', { message: 'FS01 is running out of disk' }, undefined, { summary: 'FS01 is running out of disk' }],
  ])('%s', (_, change, options, expected) => {
    const [alert] = mapRmmAlert({ ...rmm, ...change }, integration('rmm'), facts, options).alerts;
    expect(alert).toMatchObject(expected);
    if ((expected as { disposition?: string }).disposition === 'page') expect(alert.recordReason).toBeUndefined();
  });
});

describe('mapDefendDetection', () => {
  it('keeps device, threat, MITRE and the recommended action; high pages at high urgency, ungrouped', () => {
    const [alert] = mapDefendDetection(detection, integration('defend'), facts).alerts;
    expect(alert).toMatchObject({
      action: 'trigger',
      disposition: 'page',
      urgency: 'high',
      bypassGrouping: true,
      dedupKey: 'det-5521',
      summary: 'Encoded PowerShell download cradle detected on LAPTOP-ANNA',
      severity: 'high',
      device: 'LAPTOP-ANNA',
      client: 'site-881',
      class: 'execution',
      occurredAt: '2027-03-02T09:57:12.000Z',
      defend: {
        device: { name: 'LAPTOP-ANNA', id: 'dev-77', os: 'Windows 11', ip: '10.0.8.31' },
        threat: { name: 'Encoded PowerShell download cradle', category: 'execution' },
        mitre: [
          { tacticId: 'TA0002', tactic: 'Execution', techniqueId: 'T1059.001', technique: 'PowerShell' },
        ],
        recommendedAction: "Isolate the device and reset the user's credentials.",
        consoleUrl: 'https://defend.example/detections/det-5521',
      },
    });
  });

  // prettier-ignore
  it.each<[string, object, object]>([
    ['critical pages at high urgency', { severity: 'critical' }, { action: 'trigger', disposition: 'page', severity: 'critical' }],
    ['medium is recorded', { severity: 'medium' }, { action: 'trigger', disposition: 'record', recordReason: 'severity medium: Defend pages for critical and high detections', severity: 'warning' }],
    ['informational is recorded', { severity: 'informational' }, { action: 'trigger', disposition: 'record', severity: 'info' }],
    ['mitigated resolves', { status: 'mitigated' }, { action: 'resolve', disposition: 'page' }],
    ['resolved resolves', { status: 'resolved', severity: 'low' }, { action: 'resolve', disposition: 'page' }],
  ])('%s', (_, change, expected) => {
    const [alert] = mapDefendDetection({ ...detection, ...change }, integration('defend'), facts).alerts;
    expect(alert).toMatchObject(expected);
  });

  it('neither hurries nor ungroups what it does not page', () => {
    const [alert] = mapDefendDetection(
      { ...detection, severity: 'low' },
      integration('defend'),
      facts,
    ).alerts;
    expect([alert.urgency, alert.bypassGrouping]).toEqual([undefined, undefined]);
  });

  it("refuses a detection for another organization than the integration's", () => {
    const result = mapDefendDetection({ ...detection, orgId: 'org-2' }, integration('defend'), facts);
    expect(refusedFields(result)).toEqual(['orgId']);
  });
});

describe('mapSecurityFinding', () => {
  // prettier-ignore
  it.each<[string, object, object]>([
    ['a critical dark-web finding escalates', {}, { action: 'trigger', disposition: 'page', severity: 'critical', class: 'dark-web', component: 'anna@bakkerijdevries.example' }],
    ['a high one escalates', { severity: 'high' }, { disposition: 'page' }],
    ['a medium one is recorded', { severity: 'medium' }, { disposition: 'record', recordReason: 'severity medium: security findings escalate when critical or high' }],
    ['a resolved finding resolves', { status: 'resolved', severity: 'low' }, { action: 'resolve', disposition: 'page' }],
  ])('%s', (_, change, expected) => {
    const [alert] = mapSecurityFinding({ ...finding, ...change }, integration('security'), facts).alerts;
    expect(alert).toMatchObject({ dedupKey: 'dw-2027-0042', summary: finding.summary, ...expected });
  });

  it('keeps the evidence', () => {
    const [alert] = mapSecurityFinding(finding, integration('security'), facts).alerts;
    expect(alert.details).toEqual({ kind: 'dark-web', subject: finding.subject, evidence: finding.evidence });
  });
});

describe('mapBackupJob', () => {
  // prettier-ignore
  it.each<[string, object, object]>([
    ['a failed run triggers', {}, { action: 'trigger', disposition: 'page', severity: 'high', summary: 'Backup job Nightly FS01 on FS01 failed: VSS snapshot could not be created' }],
    ['a run with warnings is recorded', { result: 'warning', error: undefined }, { action: 'trigger', disposition: 'record', severity: 'warning', summary: 'Backup job Nightly FS01 on FS01 finished with warnings' }],
    ['a successful run resolves the job', { result: 'success', error: undefined, device: undefined }, { action: 'resolve', disposition: 'page', summary: 'Backup job Nightly FS01 succeeded' }],
  ])('%s', (_, change, expected) => {
    const [alert] = mapBackupJob({ ...backup, ...change }, integration('backups'), facts).alerts;
    expect(alert).toMatchObject({ dedupKey: 'job-nightly-fs01', occurredAt: '2027-03-02T01:12:40.000Z', ...expected });
  });

  it('refuses a run that ended before it started', () => {
    const result = mapBackupJob(
      { ...backup, endedAt: '2027-03-02T00:59:59Z' },
      integration('backups'),
      facts,
    );
    expect(refusedFields(result)).toEqual(['endedAt']);
  });

  it('refuses a body that is no object, as a whole', () => {
    expect(mapBackupJob(null, integration('backups'), facts).rejected).toEqual([
      { field: 'body', message: 'body must be a JSON object' },
    ]);
  });
});
