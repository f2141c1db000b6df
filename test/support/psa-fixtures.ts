import { IncidentDetail, TicketMode } from '@oncall/contracts';
import { waitFor } from '@oncall/platform-testing';
import { IncidentApi } from './incident-api';
import { PlatformHarness } from './platform-harness';
import { PsaStandIn } from './psa-stand-in';

export const PSA_PUBLIC_URL = 'https://oncall.example';

/** The environment that points psa-sync at the stand-in. */
export function psaEnvironment(psa: PsaStandIn): NodeJS.ProcessEnv {
  return { PSA_API_URL: psa.url, PSA_SERVICE_KEY: psa.key, PUBLIC_URL: PSA_PUBLIC_URL };
}

export interface PsaOrganization {
  orgId: string;
  manager: string;
  technician: string;
  clientId: string;
  serviceId: string;
  integrationKey: string;
  incidents: IncidentApi;
}

/** An organization with a client known to the PSA, a service of that client with a ticket mode, and a key. */
export async function psaOrganization(
  platform: PlatformHarness,
  orgId: string,
  options: { ticketMode?: TicketMode; psaExternalId?: string } = {},
): Promise<PsaOrganization> {
  const manager = platform.token(orgId, 'manager', `${orgId}-boss`);
  const technician = platform.token(orgId, 'technician', `${orgId}-tech`);
  const post = async <T>(path: string, body: object): Promise<T> => {
    const response = await platform.api(path, manager, { method: 'POST', body: JSON.stringify(body) });
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const client = await post<{ id: string }>('/api/v1/clients', {
    name: 'Acme Corp',
    psaExternalId: options.psaExternalId ?? 'ACME-PSA',
  });
  const service = await post<{ id: string }>('/api/v1/services', {
    name: 'Acme servers',
    clientId: client.id,
    ticketMode: options.ticketMode ?? 'on-acknowledge',
  });
  const { key } = await post<{ key: string }>(`/api/v1/services/${service.id}/integrations`, {
    type: 'generic',
    name: 'RMM',
  });
  await platform.api('/api/v1/me', technician); // provisions the technician
  return {
    orgId,
    manager,
    technician,
    clientId: client.id,
    serviceId: service.id,
    integrationKey: key,
    incidents: new IncidentApi(platform, key),
  };
}

/** The incident once its ticket is on it (TicketLinked). */
export function waitForLinkedTicket(org: PsaOrganization, incidentId: string, timeoutMs = 15_000) {
  return waitFor(
    `the ticket on incident ${incidentId}`,
    async () => {
      const detail: IncidentDetail = await org.incidents.detail(org.technician, incidentId);
      return detail.incident.ticket ? detail : undefined;
    },
    { timeoutMs, intervalMs: 100 },
  );
}

export const externalIdOf = (orgId: string, incidentId: string) => `oncall:${orgId}:${incidentId}`;
