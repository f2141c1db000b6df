import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { configurationChangesOf, Consumers, MessageEnvelope, Streams, Subjects } from '@oncall/contracts';
import { ReportingProjection } from './reporting.projection';

/** Reporting's durable consumers: every incident event, escalation fact and scheduling change, recorded once. */
@Controller()
export class RecordFactsHandler {
  constructor(private readonly projection: ReportingProjection) {}

  @EventPattern(Subjects.incidentEvents, {
    stream: Streams.incidents.name,
    durable: Consumers.reportingIncidents,
  })
  async onIncidentEvent(@Payload() envelope: MessageEnvelope): Promise<void> {
    await this.projection.record('incident', envelope);
  }

  @EventPattern(Streams.escalation.subjects[0], {
    stream: Streams.escalation.name,
    durable: Consumers.reportingEscalation,
  })
  async onEscalationFact(@Payload() envelope: MessageEnvelope): Promise<void> {
    await this.projection.record('escalation', envelope);
  }

  @EventPattern(configurationChangesOf('scheduling'), {
    stream: Streams.scheduling.name,
    durable: Consumers.reportingScheduling,
  })
  async onSchedulingChange(@Payload() envelope: MessageEnvelope): Promise<void> {
    await this.projection.record('scheduling', envelope);
  }
}
