import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import {
  ClientState,
  DIRECTORY_STATE_CONTEXT,
  MaintenanceWindowState,
  RoutingRulesState,
} from '@oncall/contracts';
import { clientResolver, CorrelationSettings } from '@oncall/dedup-domain';
import { MessageBus, StateReplica } from '@oncall/platform-messaging';
import { LOGGER } from '@oncall/platform-runtime';
import { Logger } from 'pino';

/**
 * Routing rules, maintenance windows and clients as admin-api last published them (ADR 0120, 0175): the
 * correlator routes and records from memory. Per organization, the settings are rebuilt on first use
 * after a change of that organization, not per alert.
 */
@Injectable()
export class CorrelationCopies implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly rules: StateReplica<RoutingRulesState>;
  private readonly windows: StateReplica<MaintenanceWindowState>;
  private readonly clients: StateReplica<ClientState>;
  private readonly settings = new Map<string, CorrelationSettings>();
  private starting?: Promise<void>;

  constructor(bus: MessageBus, @Inject(LOGGER) logger: Logger) {
    const copy = <T>(resourceType: string) =>
      new StateReplica<T>(bus, { context: DIRECTORY_STATE_CONTEXT, resourceType }, logger);
    this.rules = copy('routingRules');
    this.windows = copy('maintenanceWindow');
    this.clients = copy('client');
    const forget = (current: { orgId: string }, previous?: { orgId: string }) => {
      this.settings.delete(current.orgId);
      if (previous) this.settings.delete(previous.orgId);
    };
    this.rules.onChange(forget);
    this.windows.onChange(forget);
    this.clients.onChange(forget);
  }

  onApplicationBootstrap(): Promise<void> {
    return this.ready();
  }

  ready(): Promise<void> {
    this.starting ??= Promise.all([this.rules.start(), this.windows.start(), this.clients.start()]).then(
      () => undefined,
    );
    return this.starting;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.rules.stop(), this.windows.stop(), this.clients.stop()]);
  }

  settingsFor(orgId: string): CorrelationSettings {
    let settings = this.settings.get(orgId);
    if (!settings) {
      settings = {
        rules: this.rules.get(orgId)?.rules ?? [],
        windows: [...this.windows.views()].filter((w) => w.orgId === orgId).map((w) => w.window),
        resolveClient: clientResolver([...this.clients.views()].filter((c) => c.orgId === orgId)),
      };
      this.settings.set(orgId, settings);
    }
    return settings;
  }
}
