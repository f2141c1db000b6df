import { alertBase, recorded, withoutAbsentFields } from '../alert-base';
import type { IntegrationRef, MappedAlert, MappingResult, ReceptionFacts } from '../mapped-alert';
import type { FieldReader } from '../reading/field-reader';
import { truncateText } from '../reading/text-rules';
import { isAtLeast, NativeSeverity, severityFromNative } from '../severity';
import {
  consoleLink,
  NATIVE_LIMITS,
  NativeDevice,
  readClient,
  readDevice,
  readNativeSeverity,
  mapNativeEvent,
} from './native-fields';

export const RMM_STATES = ['raised', 'cleared'] as const;
export const RMM_MONITOR_TYPES = ['cpu', 'memory', 'disk', 'service', 'offline', 'patch', 'custom'] as const;
export const THRESHOLD_DIRECTIONS = ['above', 'below'] as const;

export interface RmmMappingOptions {
  /** The least severity that pages ("critical device alerts trigger incidents"); a service may lower it. */
  pageFrom: NativeSeverity;
}

interface Threshold {
  value: number;
  breachWhen: (typeof THRESHOLD_DIRECTIONS)[number];
  unit?: string;
}

interface Reading {
  severity: NativeSeverity;
  device: NativeDevice;
  monitor: { type: string; name: string };
  threshold?: Threshold;
  value?: number;
}

/**
 * An RMM device alert (rmm-alert.v1). A raised alert pages when it is at least `pageFrom` severe and its
 * value has reached the threshold (without both a value and a threshold it is taken as breached: the
 * RMM raised it); otherwise it is recorded. A cleared alert resolves.
 */
export function mapRmmAlert(
  body: unknown,
  integration: IntegrationRef,
  facts: ReceptionFacts,
  options: RmmMappingOptions = { pageFrom: 'critical' },
): MappingResult {
  return mapNativeEvent(body, (payload) => {
    const base = alertBase(integration, facts);
    const raised = payload.oneOf('state', RMM_STATES) === 'raised';
    const reading = readReading(payload);
    const alert: MappedAlert = {
      ...base,
      ...readClient(payload),
      ...(raised ? rmmDisposition(reading, options) : {}),
      action: raised ? 'trigger' : 'resolve',
      dedupKey: payload.text('alertId', NATIVE_LIMITS.id),
      summary: payload.optionalText('message', NATIVE_LIMITS.text) ?? summaryOf(reading),
      ...severityFromNative(reading.severity),
      source: reading.device.name,
      device: reading.device.name,
      component: reading.monitor.name,
      details: withoutAbsentFields({
        ...reading,
        severity: undefined,
        extra: payload.optionalJson('details'),
      }),
      links: consoleLink(payload, 'Open in the RMM'),
      occurredAt: payload.instant('raisedAt'),
    };
    if (!raised) alert.occurredAt = payload.optionalInstant('clearedAt') ?? base.receivedAt;
    return alert;
  });
}

function readReading(payload: FieldReader): Reading {
  const monitor = payload.object('monitor');
  return withoutAbsentFields({
    severity: readNativeSeverity(payload),
    device: withoutAbsentFields(readDevice(payload.object('device'))),
    monitor: {
      type: monitor.oneOf('type', RMM_MONITOR_TYPES),
      name: monitor.text('name', NATIVE_LIMITS.name),
    },
    threshold: readThreshold(payload),
    value: payload.optionalNumber('value'),
  });
}

function readThreshold(payload: FieldReader): Threshold | undefined {
  const threshold = payload.optionalObject('threshold');
  if (!threshold) return undefined;
  return withoutAbsentFields({
    value: threshold.number('value'),
    breachWhen: threshold.optionalOneOf('breachWhen', THRESHOLD_DIRECTIONS) ?? 'above',
    unit: threshold.optionalText('unit', NATIVE_LIMITS.unit),
  });
}

function rmmDisposition(
  { severity, value, threshold }: Reading,
  options: RmmMappingOptions,
): Partial<MappedAlert> {
  if (!isAtLeast(severity, options.pageFrom))
    return recorded(`severity ${severity}: device alerts page from ${options.pageFrom}`);
  if (value !== undefined && threshold !== undefined && !reached(value, threshold))
    return recorded(`value ${value} has not reached the threshold ${threshold.value}`);
  return {};
}

/** At the threshold counts as reached: the RMM raised the alert at that value. */
function reached(value: number, threshold: Threshold): boolean {
  return threshold.breachWhen === 'above' ? value >= threshold.value : value <= threshold.value;
}

function summaryOf({ monitor, device, value, threshold }: Reading): string {
  const unit = threshold?.unit ?? '';
  const reading =
    value !== undefined && threshold ? `: ${value}${unit} (threshold ${threshold.value}${unit})` : '';
  return truncateText(`${monitor.name} on ${device.name}${reading}`, NATIVE_LIMITS.text);
}
