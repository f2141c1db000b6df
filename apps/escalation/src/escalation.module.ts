import { Module } from '@nestjs/common';
import { OutboxRelayWorker } from '@oncall/platform-runtime';
import { EscalationRunner } from './engine/escalation-runner';
import { EscalationTimersWorker } from './engine/escalation-timers.worker';
import { IncidentEventsConsumer } from './engine/incident-events.consumer';
import { PageRelays } from './engine/page-relays';
import { IncidentCommandsRelay } from './incident-commands/incident-commands.relay';
import { DirectoryCopies } from './local-copies/directory-copies';
import { ScheduleCopies } from './local-copies/schedule-copies';
import { EscalationPolicyStore } from './policies/escalation-policy.store';
import { PolicyChangeRecorder } from './policies/policy-change.recorder';
import { PolicyCommandsHandler } from './policies/policy-commands.handler';
import { IncidentEscalationHandler } from './queries/incident-escalation.handler';
import { PolicyQueriesHandler } from './queries/policy-queries.handler';

/**
 * Escalation policies (commands and queries over the bus) and the engine: incident events and due timers
 * decided against local copies of the directory and the schedules, performed through the outbox.
 */
@Module({
  controllers: [
    PolicyCommandsHandler,
    PolicyQueriesHandler,
    IncidentEscalationHandler,
    IncidentEventsConsumer,
    IncidentCommandsRelay,
  ],
  providers: [
    EscalationPolicyStore,
    PolicyChangeRecorder,
    OutboxRelayWorker,
    PageRelays,
    DirectoryCopies,
    ScheduleCopies,
    EscalationRunner,
    EscalationTimersWorker,
  ],
})
export class EscalationModule {}
