import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Consumers, incidentEventSubject, MessageEnvelope, Streams } from '@oncall/contracts';
import { OpenAlertIndex } from '../open-alerts/open-alert-index';

/** A resolved incident (by a person, a rule or a merge) frees its dedup keys. */
@Controller()
export class IncidentResolvedHandler {
  constructor(private readonly index: OpenAlertIndex) {}

  @EventPattern(incidentEventSubject('IncidentResolved', 1), {
    stream: Streams.incidents.name,
    durable: Consumers.dedupIncidentsClosed,
  })
  async handle(
    @Payload() envelope: MessageEnvelope<'IncidentResolved', { incidentId: string }>,
  ): Promise<void> {
    await this.index.releaseIncident(envelope.data.incidentId);
  }
}
