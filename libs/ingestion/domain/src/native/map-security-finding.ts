import { alertBase, recorded, withoutAbsentFields } from '../alert-base';
import type { IntegrationRef, MappingResult, ReceptionFacts } from '../mapped-alert';
import { isAtLeast, severityFromNative } from '../severity';
import { consoleLink, NATIVE_LIMITS, readClient, readNativeSeverity, mapNativeEvent } from './native-fields';

export const SECURITY_KINDS = ['m365-posture', 'dark-web', 'identity-risk', 'other'] as const;
export const SECURITY_STATUSES = ['open', 'resolved'] as const;

/**
 * A Security finding (security-finding.v1): M365 posture, dark-web exposure, identity risk. An open
 * critical or high finding escalates; a lower one is recorded; `status: resolved` resolves.
 */
export function mapSecurityFinding(
  body: unknown,
  integration: IntegrationRef,
  facts: ReceptionFacts,
): MappingResult {
  return mapNativeEvent(body, (payload) => {
    const open = (payload.optionalOneOf('status', SECURITY_STATUSES) ?? 'open') === 'open';
    const severity = readNativeSeverity(payload);
    const subject = payload.text('subject', NATIVE_LIMITS.text);
    const kind = payload.oneOf('kind', SECURITY_KINDS);
    return {
      ...alertBase(integration, facts),
      ...readClient(payload),
      ...(open && !isAtLeast(severity, 'high')
        ? recorded(`severity ${severity}: security findings escalate when critical or high`)
        : {}),
      action: open ? 'trigger' : 'resolve',
      dedupKey: payload.text('findingId', NATIVE_LIMITS.id),
      summary: payload.text('summary', NATIVE_LIMITS.text),
      ...severityFromNative(severity),
      class: kind,
      component: subject,
      details: withoutAbsentFields({ kind, subject, evidence: payload.optionalJson('evidence') }),
      links: consoleLink(payload, 'Open in Security'),
      occurredAt: payload.instant('foundAt'),
    };
  });
}
