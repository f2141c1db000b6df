import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Consumers, incidentEventSubject, MessageEnvelope, Streams } from '@oncall/contracts';
import { DurableEventPattern } from '@oncall/platform-messaging';
import { OpenAlertIndex } from '../open-alerts/open-alert-index';
import { OpenGroupIndex } from '../open-groups/open-group-index';

interface IncidentResolvedData {
  incidentId: string;
  /** Set when the incident was resolved by merging it into another one. */
  mergedInto?: string | null;
}

/**
 * A resolved incident (by a person, the source or a rule) frees its dedup keys. A merged one hands them
 * to the incident it was merged into, which now holds its alerts.
 */
@Controller()
export class IncidentResolvedHandler {
  constructor(
    private readonly index: OpenAlertIndex,
    private readonly groups: OpenGroupIndex,
  ) {}

  @DurableEventPattern(
    incidentEventSubject('IncidentResolved', 1),
    Streams.incidents,
    Consumers.dedupIncidentsClosed,
  )
  async handle(
    @Payload() envelope: MessageEnvelope<'IncidentResolved', IncidentResolvedData>,
  ): Promise<void> {
    const { orgId } = envelope.metadata;
    const { incidentId, mergedInto } = envelope.data;
    if (mergedInto) await this.index.moveIncident(orgId, incidentId, mergedInto);
    else await this.index.releaseIncident(orgId, incidentId);
    // A resolved incident takes no more alerts: its groups close with it (ADR 0175).
    await this.groups.forgetIncident(orgId, incidentId);
  }
}
