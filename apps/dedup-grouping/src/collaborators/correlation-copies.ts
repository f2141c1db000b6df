import { Inject, Injectable } from '@nestjs/common';
import { ClientState, MaintenanceWindowState, RoutingRulesState } from '@oncall/contracts';
import { clientResolver, CorrelationSettings } from '@oncall/dedup-domain';
import { LocalStateCopies, MessageBus } from '@oncall/platform-messaging';
import { LOGGER } from '@oncall/platform-runtime';
import { Logger } from 'pino';

/**
 * Routing rules, maintenance windows and clients as admin-api last published them (ADR 0120, 0175): the
 * correlator routes and records from memory. Per organization, the settings are rebuilt on first use
 * after a change of that organization, not per alert.
 */
@Injectable()
export class CorrelationCopies extends LocalStateCopies {
  private readonly rules = this.directoryCopy<RoutingRulesState>('routingRules');
  private readonly windows = this.directoryCopy<MaintenanceWindowState>('maintenanceWindow');
  private readonly clients = this.directoryCopy<ClientState>('client');
  private readonly settings = new Map<string, CorrelationSettings>();

  constructor(bus: MessageBus, @Inject(LOGGER) logger: Logger) {
    super(bus, logger);
    const forget = (current: { orgId: string }, previous?: { orgId: string }) => {
      this.settings.delete(current.orgId);
      if (previous) this.settings.delete(previous.orgId);
    };
    this.rules.onChange(forget);
    this.windows.onChange(forget);
    this.clients.onChange(forget);
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
