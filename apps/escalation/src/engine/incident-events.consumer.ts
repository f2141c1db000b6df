import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Consumers, MessageEnvelope, Streams, Subjects } from '@oncall/contracts';
import { IncidentInput, snapshotPolicy } from '@oncall/escalation-domain';
import { IncidentEventOf } from '@oncall/incident-domain';
import { DurableEventPattern } from '@oncall/platform-messaging';
import { DataSource, EntityManager } from 'typeorm';
import { DirectoryCopies } from '../local-copies/directory-copies';
import { EscalationPolicyStore } from '../policies/escalation-policy.store';
import { toPolicyView } from '../policies/policy-row';
import { EscalationRunner, StartingProcess } from './escalation-runner';
import { incidentEventOf, incidentInputOf, pagedIncidentOf, triggeredInput } from './incident-inputs';
import { PageRelays } from './page-relays';

/**
 * Every incident event, from one durable consumer with one message in flight across replicas, so each
 * incident's events are decided in stream order (ADR 0141). The engine drops a version it has applied,
 * so a redelivery decides nothing and pages no one twice. The durable begins at its creation, so the
 * engine's first deployment does not replay (and page) the incidents of the past.
 */
@Controller()
export class IncidentEventsConsumer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: EscalationRunner,
    private readonly policies: EscalationPolicyStore,
    private readonly directory: DirectoryCopies,
    private readonly relay: PageRelays,
  ) {}

  @DurableEventPattern(Subjects.incidentEvents, Streams.incidents, Consumers.escalationIncidents, {
    maxAckPending: 1,
    // Created with the engine's first deployment: incidents of the past are not paged again.
    startAt: 'new',
  })
  async handle(@Payload() envelope: MessageEnvelope): Promise<void> {
    const version = envelope.metadata.stream?.version;
    if (version === undefined) return;
    const event = incidentEventOf(envelope);
    const cause = { correlationId: envelope.metadata.correlationId, causationId: envelope.metadata.eventId };
    let decided = 0;
    if (event.type === 'IncidentTriggered') {
      decided = await this.dataSource.transaction(async (tx) => {
        const { input, starting } = await this.trigger(tx, event, version);
        return (await this.runner.run(tx, input, cause, starting)).length;
      });
    } else {
      // Most incident events (alerts, notes, the timeline's own entries) mean nothing to the engine.
      const input = incidentInputOf(event, version);
      if (input) decided = await this.dataSource.transaction(async (tx) => (await this.runner.run(tx, input, cause)).length); // prettier-ignore
    }
    // Pages wait for no idle poll of the relay.
    if (decided > 0) this.relay.poke();
  }

  private async trigger(
    tx: EntityManager,
    event: IncidentEventOf<'IncidentTriggered'>,
    version: number,
  ): Promise<{ input: IncidentInput; starting: StartingProcess }> {
    const { orgId, serviceId, escalationPolicyId } = event.data;
    const row = escalationPolicyId ? await this.policies.find(tx, orgId, escalationPolicyId) : undefined;
    const policy = row ? snapshotPolicy(toPolicyView(row)) : null;
    const service = this.directory.service(orgId, serviceId);
    const client = service?.clientId ? this.directory.client(orgId, service.clientId) : undefined;
    return {
      input: triggeredInput(event, version, policy, service),
      starting: { orgId, incident: pagedIncidentOf(event, service, client) },
    };
  }
}
