import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  ALL_ALERTS_RECEIVED,
  CanonicalAlert,
  Consumers,
  MessageContext,
  MessageEnvelope,
  Streams,
} from '@oncall/contracts';
import { AlertRouting, routeAlert } from '@oncall/dedup-domain';
import { Actor, AlertInput } from '@oncall/incident-domain';
import { RpcError } from '@oncall/platform-messaging';
import { LOGGER } from '@oncall/platform-runtime';
import { Logger } from 'pino';
import { IncidentCommandsClient } from '../collaborators/incident-commands.client';
import { ServiceRoutingCache } from '../collaborators/service-routing.cache';
import { OpenAlertIndex } from '../open-alerts/open-alert-index';

/**
 * Refusals meaning the index points at an incident that is over (resolved) or never came to be (its
 * trigger was dead-lettered): the alert belongs to a new incident instead.
 */
const STALE_ENTRY_CODES = new Set(['INCIDENT_RESOLVED', 'INCIDENT_NOT_FOUND']);

/**
 * Every received alert, in order, exactly once in effect: a redelivered alert takes the same decisions
 * (its incident id is its own id) and incident-state ignores what it already has.
 */
@Controller()
export class AlertReceivedHandler {
  constructor(
    private readonly index: OpenAlertIndex,
    private readonly incidents: IncidentCommandsClient,
    private readonly routing: ServiceRoutingCache,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  // One message in flight across replicas: alerts of a key are applied in the order they were received.
  @EventPattern(ALL_ALERTS_RECEIVED, {
    stream: Streams.alerts.name,
    durable: Consumers.dedupAlerts,
    maxAckPending: 1,
  })
  async handle(@Payload() envelope: MessageEnvelope<'AlertReceived', CanonicalAlert>): Promise<void> {
    const alert = envelope.data;
    const context: MessageContext = {
      orgId: alert.orgId,
      correlationId: envelope.metadata.correlationId,
      causationId: envelope.metadata.eventId,
    };
    await this.apply(alert, routeAlert(alert, await this.index.find(alert)), context);
  }

  private async apply(alert: CanonicalAlert, routing: AlertRouting, context: MessageContext): Promise<void> {
    const by: Actor = { kind: 'integration', integrationId: alert.integrationId };
    const target = { orgId: alert.orgId };
    switch (routing.kind) {
      case 'open-incident':
        return this.openIncident(alert, routing.incidentId, context);
      case 'append-to-incident':
        return this.appendOrReopen(alert, routing.incidentId, context);
      case 'acknowledge-incident':
      case 'resolve-incident': {
        const type = routing.kind === 'acknowledge-incident' ? 'AcknowledgeIncident' : 'ResolveIncident';
        const command = {
          type,
          data: { ...target, incidentId: routing.incidentId },
          by,
          at: alert.receivedAt,
        } as const;
        const applied = await this.unlessStale(() => this.incidents.execute(command, context));
        if (!applied || routing.kind === 'resolve-incident')
          await this.index.releaseIncident(alert.orgId, routing.incidentId);
        return;
      }
      case 'drop':
        this.logger.info(
          { alertId: alert.alertId, dedupKey: alert.dedupKey },
          `Alert dropped: ${routing.reason}`,
        );
    }
  }

  private async openIncident(
    alert: CanonicalAlert,
    incidentId: string,
    context: MessageContext,
  ): Promise<void> {
    const holder = await this.index.claim(alert, incidentId);
    // Another alert holds the key, or this alert's incident was merged into another one since (the entry
    // moved to the target): either way the alert belongs to the holder's incident.
    if (holder.openedByAlertId !== alert.alertId || holder.incidentId !== alert.alertId)
      return this.appendOrReopen(alert, holder.incidentId, context);
    const service = await this.routing.get(alert.serviceId, context);
    await this.incidents.execute(
      {
        type: 'TriggerIncident',
        data: {
          incidentId,
          orgId: alert.orgId,
          serviceId: alert.serviceId,
          escalationPolicyId: service.escalationPolicyId,
          // The gateway refuses blank summaries; trimming keeps stray whitespace out of titles.
          title: alert.summary.trim(),
          severity: alert.severity,
          urgency: service.urgency,
          alert: alertInput(alert),
        },
        by: { kind: 'integration', integrationId: alert.integrationId },
        at: alert.receivedAt,
      },
      context,
    );
  }

  /** Runs a command on an indexed incident; false when the entry turned out to be stale. */
  private async unlessStale(run: () => Promise<unknown>): Promise<boolean> {
    try {
      await run();
      return true;
    } catch (error) {
      if (error instanceof RpcError && STALE_ENTRY_CODES.has(error.code)) return false;
      throw error;
    }
  }

  private async appendOrReopen(
    alert: CanonicalAlert,
    incidentId: string,
    context: MessageContext,
  ): Promise<void> {
    const appended = await this.unlessStale(() =>
      this.incidents.execute(
        {
          type: 'AppendAlert',
          data: { incidentId, orgId: alert.orgId, alert: alertInput(alert) },
          by: { kind: 'integration', integrationId: alert.integrationId },
          at: alert.receivedAt,
        },
        context,
      ),
    );
    if (appended) return;
    // Resolved before we heard of it: free the key and open a new incident (never reopen an old one).
    await this.index.releaseIncident(alert.orgId, incidentId);
    await this.openIncident(alert, alert.alertId, context);
  }
}

function alertInput(alert: CanonicalAlert): AlertInput {
  return {
    alertId: alert.alertId,
    dedupKey: alert.dedupKey,
    summary: alert.summary,
    severity: alert.severity,
  };
}
