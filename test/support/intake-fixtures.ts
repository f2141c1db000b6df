import { INTAKE_FORMATS, IntakeFormatName } from '@oncall/ingestion-domain';
import { PlatformHarness } from './platform-harness';

export interface IssuedIntegration {
  integration: { id: string; serviceId: string; name: string };
  key: string;
  /** Absolute: the gateway's address prefixed when admin-api handed out a path. */
  alertUrl: string;
}

/** Creates an integration of `type` on `serviceId` through the API and waits until the gateway knows it. */
export async function integrate(
  platform: PlatformHarness,
  token: string,
  serviceId: string,
  type: string,
  name = `${type} source`,
): Promise<IssuedIntegration> {
  const response = await platform.api(`/api/v1/services/${serviceId}/integrations`, token, {
    method: 'POST',
    body: JSON.stringify({ type, name }),
  });
  if (response.status !== 201)
    throw new Error(`integration ${type}: ${response.status} ${await response.text()}`);
  const issued = (await response.json()) as IssuedIntegration;
  // Every type has a key in the gateway's copy (Defend's too, though Defend posts with its service key).
  await platform.untilGatewayKnows(issued.key);
  const alertUrl = issued.alertUrl.startsWith('/')
    ? `${platform.url('ingestion-gateway')}${issued.alertUrl}`
    : issued.alertUrl;
  return { ...issued, alertUrl };
}

/** Creates a service named `name` (no escalation policy, no integration) through the API; answers its id. */
export async function createService(platform: PlatformHarness, token: string, name: string): Promise<string> {
  const created = await platform.api('/api/v1/services', token, {
    method: 'POST',
    body: JSON.stringify({ name }),
  });
  if (created.status !== 201) throw new Error(`service ${name}: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { id: string }).id;
}

/**
 * Creates a service named `name` with one generic integration through the API. The caller waits for the
 * gateway to know the key, its own way (in this process, or over HTTP when the gateway runs apart).
 */
export async function serviceWithGenericIntegration(
  platform: PlatformHarness,
  token: string,
  name: string,
): Promise<{ serviceId: string; integrationId: string; key: string }> {
  const serviceId = await createService(platform, token, name);
  const issued = await platform.api(`/api/v1/services/${serviceId}/integrations`, token, {
    method: 'POST',
    body: JSON.stringify({ type: 'generic', name: `${name} monitor` }),
  });
  if (issued.status !== 201)
    throw new Error(`integration of ${name}: ${issued.status} ${await issued.text()}`);
  const { integration, key } = (await issued.json()) as { integration: { id: string }; key: string };
  return { serviceId, integrationId: integration.id, key };
}

/** A body a test reaches into freely (examples are JSON of known shape). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Editable = Record<string, any>;

/** A copy of a format's documented example, changed by `change`. */
export function example<T = Record<string, unknown>>(
  format: IntakeFormatName,
  change: (body: Editable) => void = () => undefined,
): T {
  const body = structuredClone(INTAKE_FORMATS[format].schema.examples[0]) as Record<string, unknown>;
  change(body);
  return body as T;
}

export function postJson(url: string, body: unknown, method = 'POST', headers: Record<string, string> = {}) {
  return fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
