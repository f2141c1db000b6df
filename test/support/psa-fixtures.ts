import {
  Commands,
  ExecuteIncidentCommand,
  IncidentCommandResult,
  IncidentDetail,
  TicketMode,
} from '@oncall/contracts';
import { IncidentCommand } from '@oncall/incident-domain';
import { publishClockOffset } from '@oncall/platform-clock';
import { MessageBus } from '@oncall/platform-messaging';
import { waitFor } from '@oncall/platform-testing';
import { randomUUID } from 'node:crypto';
import { IncidentApi } from './incident-api';
import { INCIDENT_SERVICES } from './incident-stage';
import { PlatformHarness } from './platform-harness';
import { PsaStandIn } from './psa-stand-in';
import { ServiceName } from './service-catalogue';

export const PSA_PUBLIC_URL = 'https://oncall.example';

/** The environment that points psa-sync at the stand-in. */
export function psaEnvironment(psa: PsaStandIn): NodeJS.ProcessEnv {
  return { PSA_API_URL: psa.url, PSA_SERVICE_KEY: psa.key, PUBLIC_URL: PSA_PUBLIC_URL };
}

/** The incident path and psa-sync. */
export const PSA_SERVICES: ServiceName[] = [...INCIDENT_SERVICES, 'psa-sync'];

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
  if (platform.isRunning('ingestion-gateway')) await platform.untilGatewayKnows(key);
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

/** Opens incidents of the organization's service and acknowledges them, straight on the bus (many, fast). */
export async function openAndAcknowledge(
  bus: MessageBus,
  org: PsaOrganization,
  count: number,
  parallel = 16,
) {
  const execute = (command: IncidentCommand) =>
    bus.rpc.request<IncidentCommandResult, ExecuteIncidentCommand>(
      Commands.incident.execute(command.type),
      { command },
      { orgId: org.orgId, correlationId: randomUUID(), causationId: null },
      30_000,
    );
  const ids = Array.from({ length: count }, () => randomUUID());
  const by = { kind: 'integration' as const, integrationId: 'bulk' };
  const open = async (incidentId: string, index: number) => {
    const alert = { alertId: incidentId, dedupKey: `bulk-${index}`, summary: `Bulk alert ${index}`, severity: 'high' as const }; // prettier-ignore
    const data = { incidentId, orgId: org.orgId, serviceId: org.serviceId, escalationPolicyId: null, title: `Bulk incident ${index}`, severity: 'high' as const, urgency: 'high' as const, alert }; // prettier-ignore
    await execute({ type: 'TriggerIncident', data, by, at: new Date().toISOString() });
    await execute({ type: 'AcknowledgeIncident', data: { incidentId, orgId: org.orgId }, by, at: new Date().toISOString() }); // prettier-ignore
  };
  for (let start = 0; start < ids.length; start += parallel)
    await Promise.all(ids.slice(start, start + parallel).map((id, offset) => open(id, start + offset)));
  return ids;
}

/** Moves every test-clock service `offsetMs` past wall time (they were started with PLATFORM_CLOCK=test). */
export async function setClockOffset(bus: MessageBus, offsetMs: number): Promise<void> {
  await publishClockOffset(bus, offsetMs);
}

export interface PsaStageOptions {
  /** Started in this order (admin-api first in any case); the incident path and psa-sync unless told. */
  services?: ServiceName[];
  /** More environment for the services (PLATFORM_CLOCK, ...). */
  env?: NodeJS.ProcessEnv;
}

/**
 * A platform of its own pointed at a PSA stand-in, one organization whose client the PSA knows (see
 * psaOrganization), and a bus client in the platform's namespace.
 */
export class PsaStage {
  private constructor(
    readonly platform: PlatformHarness,
    readonly psa: PsaStandIn,
    readonly org: PsaOrganization,
    readonly bus: MessageBus,
  ) {}

  static async start(label: string, orgId: string, options: PsaStageOptions = {}): Promise<PsaStage> {
    const psa = await PsaStandIn.start();
    const platform = await PlatformHarness.create(label);
    platform.configure({ ...psaEnvironment(psa), ...options.env });
    await platform.start(...(options.services ?? PSA_SERVICES));
    const org = await psaOrganization(platform, orgId);
    return new PsaStage(platform, psa, org, await platform.connectBus());
  }

  async close(): Promise<void> {
    await this.bus.close();
    await this.platform.close();
    await this.psa.close();
  }
}
