import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { configurationChangesOf, Consumers, MessageEnvelope, Streams, Subjects } from '@oncall/contracts';
import { DurableEventPattern, DurableStreamPattern } from '@oncall/platform-messaging';
import { ReportingProjection } from './reporting.projection';

/** Reporting's durable consumers: every incident event, escalation fact and scheduling change, recorded once. */
@Controller()
export class RecordFactsHandler {
  constructor(private readonly projection: ReportingProjection) {}

  @DurableEventPattern(Subjects.incidentEvents, Streams.incidents, Consumers.reportingIncidents)
  async onIncidentEvent(@Payload() envelope: MessageEnvelope): Promise<void> {
    await this.projection.record('incident', envelope);
  }

  @DurableStreamPattern(Streams.escalation, Consumers.reportingEscalation)
  async onEscalationFact(@Payload() envelope: MessageEnvelope): Promise<void> {
    await this.projection.record('escalation', envelope);
  }

  @DurableEventPattern(
    configurationChangesOf('scheduling'),
    Streams.scheduling,
    Consumers.reportingScheduling,
  )
  async onSchedulingChange(@Payload() envelope: MessageEnvelope): Promise<void> {
    await this.projection.record('scheduling', envelope);
  }
}
