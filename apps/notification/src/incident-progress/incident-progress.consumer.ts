import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { MessageEnvelope, NotificationConsumers, Streams, Subjects } from '@oncall/contracts';
import { DurableEventPattern } from '@oncall/platform-messaging';
import { DataSource } from 'typeorm';
import { applyProgress, progressChangeOf } from './incident-progress.store';

type IncidentEnvelope = MessageEnvelope<string, { incidentId: string; at: string }>;

/**
 * Keeps the small copy of each incident's status that decides, before every send, whether a person's
 * rules still run (acknowledged or resolved: they stop). Other incident events are acknowledged unread.
 */
@Controller()
export class IncidentProgressConsumer {
  constructor(private readonly dataSource: DataSource) {}

  @DurableEventPattern(Subjects.incidentEvents, Streams.incidents, NotificationConsumers.incidentProgress)
  async handle(@Payload() envelope: IncidentEnvelope): Promise<void> {
    const change = progressChangeOf(envelope.type, envelope.data.at);
    const version = envelope.metadata.stream?.version;
    if (!change || version === undefined) return;
    await applyProgress(this.dataSource, envelope.metadata.orgId, envelope.data.incidentId, version, change);
  }
}
