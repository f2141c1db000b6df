import { alertBase, recorded, withoutAbsentFields } from '../alert-base';
import type {
  DefendFacts,
  IntegrationRef,
  MappedAlert,
  MappingResult,
  ReceptionFacts,
} from '../mapped-alert';
import type { FieldReader } from '../reading/field-reader';
import { truncateText } from '../reading/text-rules';
import { isAtLeast, NativeSeverity, severityFromNative } from '../severity';
import {
  consoleLink,
  NATIVE_LIMITS,
  readClient,
  readDevice,
  readNativeSeverity,
  mapNativeEvent,
} from './native-fields';

export const DEFEND_STATUSES = ['active', 'mitigated', 'resolved'] as const;
export const DEFEND_MITRE_LIMIT = 50;
const TECHNIQUE_ID = /^T\d{4}(\.\d{3})?$/;
const TACTIC_ID = /^TA\d{4}$/;
const ORG_ID_MAX_LENGTH = 200;

/**
 * A Defend (EDR) detection (defend-detection.v1), keyed by `detectionId`. An active critical or high
 * detection pages at high urgency and bypasses grouping; a lower one is recorded. Mitigated and resolved
 * resolve. Device, threat, MITRE techniques and the recommended action travel as DefendFacts.
 */
export function mapDefendDetection(
  body: unknown,
  integration: IntegrationRef,
  facts: ReceptionFacts,
): MappingResult {
  return mapNativeEvent(body, (payload) => {
    // Defend names the organization with its service key; the gateway looked the integration up by it.
    if (payload.text('orgId', ORG_ID_MAX_LENGTH) !== integration.orgId && payload.present('orgId'))
      payload.fail('orgId', 'must be the organization of the integration the detection is for');
    const active = payload.oneOf('status', DEFEND_STATUSES) === 'active';
    const severity = readNativeSeverity(payload);
    const defend = readDefendFacts(payload);
    return {
      ...alertBase(integration, facts),
      ...readClient(payload),
      ...(active ? defendDisposition(severity) : {}),
      action: active ? 'trigger' : 'resolve',
      dedupKey: payload.text('detectionId', NATIVE_LIMITS.id),
      summary: truncateText(
        `${defend.threat?.name ?? 'A threat'} detected on ${defend.device.name}`,
        NATIVE_LIMITS.text,
      ),
      ...severityFromNative(severity),
      source: defend.device.name,
      device: defend.device.name,
      class: defend.threat?.category,
      defend,
      details: payload.optionalJson('details'),
      links: consoleLink(payload, 'Open in Defend'),
      occurredAt: payload.instant('detectedAt'),
    };
  });
}

function readDefendFacts(payload: FieldReader): DefendFacts {
  const threat = payload.object('threat');
  return withoutAbsentFields({
    device: withoutAbsentFields(readDevice(payload.object('device'))),
    threat: withoutAbsentFields({
      name: threat.text('name', NATIVE_LIMITS.name),
      category: threat.optionalText('category', NATIVE_LIMITS.name),
    }),
    mitre: payload.optionalObjects('mitre', DEFEND_MITRE_LIMIT).map((technique) =>
      withoutAbsentFields({
        techniqueId: technique.pattern(
          'techniqueId',
          TECHNIQUE_ID,
          'must be a MITRE technique id like T1059.001',
        ),
        technique: technique.optionalText('technique', NATIVE_LIMITS.name),
        tacticId: technique.optionalPattern('tacticId', TACTIC_ID, 'must be a MITRE tactic id like TA0002'),
        tactic: technique.optionalText('tactic', NATIVE_LIMITS.name),
      }),
    ),
    recommendedAction: payload.optionalText('recommendedAction', NATIVE_LIMITS.longText),
    consoleUrl: payload.optionalUrl('consoleUrl'),
  });
}

function defendDisposition(severity: NativeSeverity): Partial<MappedAlert> {
  if (isAtLeast(severity, 'high')) return { urgency: 'high', bypassGrouping: true };
  return recorded(`severity ${severity}: Defend pages for critical and high detections`);
}
