import { Role } from '@oncall/platform-auth';
import { MessageBus } from '@oncall/platform-messaging';
import { DemoOrganization } from '../../apps/admin-api/src/seed/seed-demo';
import { IncidentApi } from './incident-api';
import { PlatformHarness } from './platform-harness';
import { ServiceName } from './service-catalogue';

/** The services an alert goes through to become an incident people can act on. */
export const INCIDENT_SERVICES: ServiceName[] = [
  'admin-api',
  'ingestion-gateway',
  'dedup-grouping',
  'incident-state',
];

/** What a stage is built on: the started platform, the seeded demo organization and a bus client. */
export type LaunchedStage = [PlatformHarness, DemoOrganization, MessageBus];

export interface IncidentStageOptions {
  /** Started in this order (admin-api first in any case); the incident path unless told. */
  services?: ServiceName[];
  /** More environment for the services (LIVE_KEEP_ALIVE_MS, PLATFORM_CLOCK, ...). */
  env?: NodeJS.ProcessEnv;
}

/**
 * The platform on a database and NATS namespace of its own with the demo organization seeded: the incident
 * API on the demo integration, tokens in the demo organization, and a bus client to publish as a service.
 */
export class IncidentStage {
  readonly incidents: IncidentApi;

  protected constructor(
    readonly platform: PlatformHarness,
    readonly demo: DemoOrganization,
    readonly bus: MessageBus,
  ) {
    this.incidents = new IncidentApi(platform, demo.integrationKey);
  }

  static async start(label: string, options: IncidentStageOptions = {}): Promise<IncidentStage> {
    return new IncidentStage(...(await IncidentStage.launch(label, options)));
  }

  /** Starts the platform as told and seeds the demo organization (for this class and its extensions). */
  protected static async launch(label: string, options: IncidentStageOptions): Promise<LaunchedStage> {
    const platform = await PlatformHarness.create(label);
    try {
      platform.configure(options.env ?? {});
      await platform.start(...(options.services ?? INCIDENT_SERVICES));
      return [platform, await platform.seedDemo(), await platform.connectBus()];
    } catch (error) {
      await platform.close(); // nothing is left holding database connections when a start fails
      throw error;
    }
  }

  /** A token of the demo organization's manager (the seeded user, signed in through Hub). */
  get manager(): string {
    return this.token('manager', this.demo.managerUserId);
  }

  /** A development token in the demo organization (Hub user `${orgId}-${role}` unless told). */
  token(role: Role, hubUserId?: string, email?: string): string {
    return this.platform.token(this.demo.orgId, role, hubUserId, email);
  }

  async close(): Promise<void> {
    await this.bus.close();
    await this.platform.close();
  }
}
