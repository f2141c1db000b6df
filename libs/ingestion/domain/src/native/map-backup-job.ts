import { alertBase, recorded, withoutAbsentFields } from '../alert-base';
import type { IntegrationRef, MappedAlert, MappingResult, ReceptionFacts } from '../mapped-alert';
import { truncateText } from '../reading/text-rules';
import { consoleLink, NATIVE_LIMITS, readClient, readDevice, mapNativeEvent } from './native-fields';

export const BACKUP_RESULTS = ['success', 'warning', 'failed'] as const;
type BackupResult = (typeof BACKUP_RESULTS)[number];

const BY_RESULT: Record<BackupResult, Pick<MappedAlert, 'action' | 'severity'> & { verb: string }> = {
  failed: { action: 'trigger', severity: 'high', verb: 'failed' },
  warning: { action: 'trigger', severity: 'warning', verb: 'finished with warnings' },
  success: { action: 'resolve', severity: 'info', verb: 'succeeded' },
};

/**
 * A backup job session (backup-job.v1), keyed by the job: a failure triggers, the job's next success
 * resolves, a run with warnings is recorded.
 */
export function mapBackupJob(
  body: unknown,
  integration: IntegrationRef,
  facts: ReceptionFacts,
): MappingResult {
  return mapNativeEvent(body, (payload) => {
    const result = payload.oneOf('result', BACKUP_RESULTS);
    const { verb, ...outcome } = BY_RESULT[result];
    const jobName = payload.text('jobName', NATIVE_LIMITS.name);
    const device = payload.present('device')
      ? withoutAbsentFields(readDevice(payload.object('device')))
      : undefined;
    const error = payload.optionalText('error', NATIVE_LIMITS.longText);
    const startedAt = payload.instant('startedAt');
    const endedAt = payload.instant('endedAt');
    if (startedAt && endedAt && endedAt < startedAt) payload.fail('endedAt', 'must not be before startedAt');
    const where = device ? ` on ${device.name}` : '';
    return {
      ...alertBase(integration, facts),
      ...readClient(payload),
      ...(result === 'warning'
        ? recorded('a backup that finished with warnings is recorded, not paged')
        : {}),
      ...outcome,
      dedupKey: payload.text('jobId', NATIVE_LIMITS.id),
      summary: truncateText(
        `Backup job ${jobName}${where} ${verb}${error ? `: ${error}` : ''}`,
        NATIVE_LIMITS.text,
      ),
      source: jobName,
      device: device?.name,
      details: withoutAbsentFields({ jobName, result, error, device, startedAt, endedAt }),
      links: consoleLink(payload, 'Open in Backups'),
      occurredAt: endedAt,
    };
  });
}
