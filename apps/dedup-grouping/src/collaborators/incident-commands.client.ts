import { Injectable } from '@nestjs/common';
import {
  Commands,
  ExecuteIncidentCommand,
  IncidentCommandResult,
  MessageContext,
  TriggerIncidentBatch,
  TriggerIncidentBatchResult,
} from '@oncall/contracts';
import { IncidentCommand } from '@oncall/incident-domain';
import { MessageBus, RpcError } from '@oncall/platform-messaging';

const TIMEOUT_MS = 10_000;
/**
 * Commands per batch request at most (incident-state's limit too), and the request's size: a trigger carries
 * its alert's details, so a request is cut by bytes as well to stay far under the bus's max_payload.
 * More asked for at once leave in several requests.
 */
const MAX_COMMANDS_PER_REQUEST = 50;
const MAX_REQUEST_BYTES = 256 * 1024;
/**
 * Requests in flight at once; commands asked for meanwhile wait and leave together when one comes back (group
 * commit): batches grow with the load instead of the round trips.
 */
const MAX_REQUESTS_IN_FLIGHT = 4;

interface PendingTrigger {
  command: IncidentCommand;
  context: MessageContext;
  resolve(result: IncidentCommandResult): void;
  reject(error: unknown): void;
}

/** Sends incident commands to incident-state and returns the incident as it then stands. */
@Injectable()
export class IncidentCommandsClient {
  private pending: PendingTrigger[] = [];
  private inFlight = 0;
  private flushScheduled = false;
  /** Incidents whose TriggerIncident this process has asked for and not yet had answered. */
  private readonly opening = new Map<string, Promise<unknown>>();

  constructor(private readonly bus: MessageBus) {}

  /**
   * A command for an incident still being opened here waits for its trigger's answer first: another key
   * joining a group (AppendAlert) must not find the group's incident missing only because its trigger is
   * waiting in a batch.
   */
  async execute(command: IncidentCommand, context: MessageContext): Promise<IncidentCommandResult> {
    await this.opening.get(command.data.incidentId);
    return this.bus.rpc.request<IncidentCommandResult, ExecuteIncidentCommand>(
      Commands.incident.execute(command.type),
      { command },
      context,
      TIMEOUT_MS,
    );
  }

  /**
   * A TriggerIncident, answered as `execute` answers it, but sent with every other trigger asked for in the
   * same turn of the event loop, or while earlier requests were in flight: one request, one transaction in
   * incident-state (ADR 0159). Each caller waits for its own answer, so a key's next step still starts
   * only after its incident exists.
   */
  trigger(command: IncidentCommand, context: MessageContext): Promise<IncidentCommandResult> {
    const answered = this.batched(command, context);
    const { incidentId } = command.data;
    const settled = answered.then(
      () => undefined,
      () => undefined,
    );
    this.opening.set(incidentId, settled);
    void settled.then(() => {
      if (this.opening.get(incidentId) === settled) this.opening.delete(incidentId);
    });
    return answered;
  }

  /**
   * A command of the correlator's (TriggerIncident, RecordAlertRepeats) sent in the next batch request, as
   * `trigger` explains; answered as `execute` answers it.
   */
  async batched(command: IncidentCommand, context: MessageContext): Promise<IncidentCommandResult> {
    if (command.type !== 'TriggerIncident') await this.opening.get(command.data.incidentId);
    return new Promise<IncidentCommandResult>((resolve, reject) => {
      this.pending.push({ command, context, resolve, reject });
      if (!this.flushScheduled && this.inFlight < MAX_REQUESTS_IN_FLIGHT) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    while (this.pending.length > 0 && this.inFlight < MAX_REQUESTS_IN_FLIGHT) {
      let count = 0;
      let bytes = 0;
      for (const { command } of this.pending) {
        const size = Buffer.byteLength(JSON.stringify(command));
        if (count > 0 && (count >= MAX_COMMANDS_PER_REQUEST || bytes + size > MAX_REQUEST_BYTES)) break;
        count++;
        bytes += size;
      }
      const batch = this.pending.splice(0, count);
      this.inFlight++;
      void this.send(batch).finally(() => {
        this.inFlight--;
        this.flush();
      });
    }
  }

  private async send(batch: PendingTrigger[]): Promise<void> {
    try {
      const { results } = await this.bus.rpc.request<TriggerIncidentBatchResult, TriggerIncidentBatch>(
        Commands.incident.triggerBatch,
        { items: batch.map(({ command, context }) => ({ command, context })) },
        { orgId: null, correlationId: batch[0].context.correlationId, causationId: null },
        TIMEOUT_MS,
      );
      batch.forEach(({ resolve, reject }, index) => {
        const reply = results[index];
        if (reply?.ok) resolve(reply.data);
        else if (reply) reject(RpcError.fromBody(reply.error));
        else reject(new Error('incident-state answered fewer triggers than were sent'));
      });
    } catch (error) {
      // The request as a whole failed (incident-state down, a timeout): each caller retries as it would alone.
      for (const { reject } of batch) reject(error);
    }
  }
}
