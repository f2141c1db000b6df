import { mapSingleEvent } from '../alert-base';
import type { AlertLink, MappedAlert, MappingResult } from '../mapped-alert';
import { FieldReader } from '../reading/field-reader';
import { NATIVE_SEVERITIES, NativeSeverity } from '../severity';

/** Bounds of our own payloads (ADR 0170): ids and names, one-line text, long text. */
export const NATIVE_LIMITS = { id: 255, name: 255, text: 1_024, longText: 4_000, unit: 32 } as const;

/**
 * One of our payloads, one alert: a body that is not an object is refused, `schemaVersion` is checked, and
 * `read` reads the rest into the alert. Any problem found on the way refuses the event.
 */
export function mapNativeEvent(body: unknown, read: (payload: FieldReader) => MappedAlert): MappingResult {
  return mapSingleEvent(body, (payload) => {
    readSchemaVersion(payload);
    return read(payload);
  });
}

/** Our payloads carry `schemaVersion`; absent means 1, the only version so far. */
export function readSchemaVersion(payload: FieldReader): void {
  if (payload.present('schemaVersion') && payload.raw('schemaVersion') !== 1)
    payload.fail('schemaVersion', 'must be 1 (the only version of this payload so far)');
}

/** `client`: the MSP's customer as the tool knows it, `{ id, name? }`. */
export function readClient(payload: FieldReader): Pick<MappedAlert, 'client' | 'clientName'> {
  const client = payload.object('client');
  return {
    client: client.text('id', NATIVE_LIMITS.id),
    clientName: client.optionalText('name', NATIVE_LIMITS.name),
  };
}

export interface NativeDevice {
  name: string;
  id?: string;
  os?: string;
  ip?: string;
}

export function readDevice(device: FieldReader): NativeDevice {
  return {
    name: device.text('name', NATIVE_LIMITS.name),
    id: device.optionalText('id', NATIVE_LIMITS.id),
    os: device.optionalText('os', NATIVE_LIMITS.name),
    ip: device.optionalText('ip', NATIVE_LIMITS.name),
  };
}

export function readNativeSeverity(payload: FieldReader): NativeSeverity {
  return payload.oneOf('severity', NATIVE_SEVERITIES);
}

/** The tool's own page for the alert, shown as a link. */
export function consoleLink(payload: FieldReader, text: string): AlertLink[] {
  const href = payload.optionalUrl('consoleUrl');
  return href ? [{ href, text }] : [];
}
