import { Controller } from '@nestjs/common';
import { Payload, MessagePattern } from '@nestjs/microservices';
import { Commands, RpcRequest, TriggerIncidentBatch, TriggerIncidentBatchResult } from '@oncall/contracts';
import { RpcError } from '@oncall/platform-messaging';
import { IncidentCommandExecutor } from './incident-command-executor';

/** Bounds the work and the answer of one request (the correlator's client cuts its requests at this). */
const MAX_ITEMS = 50;
const BATCHED_TYPES: readonly unknown[] = ['TriggerIncident', 'RecordAlertRepeats'];

/**
 * The correlator's new incidents and repeats, many per request (ADR 0159, 0229; the subject keeps its first
 * name). Each item carries its own organization's context and is checked against it as a command sent alone
 * would be; answers come back in order.
 */
@Controller()
export class TriggerIncidentsHandler {
  constructor(private readonly executor: IncidentCommandExecutor) {}

  @MessagePattern(Commands.incident.triggerBatch)
  async handle(@Payload() request: RpcRequest<TriggerIncidentBatch>): Promise<TriggerIncidentBatchResult> {
    const items = request.data?.items;
    if (!Array.isArray(items) || items.length === 0 || items.length > MAX_ITEMS) {
      throw new RpcError('VALIDATION_FAILED', `items must hold 1 to ${MAX_ITEMS} commands.`);
    }
    if (items.some((item) => !BATCHED_TYPES.includes(item.command?.type) || !item.context?.orgId)) {
      throw new RpcError('VALIDATION_FAILED', 'Every item must be a TriggerIncident or RecordAlertRepeats with its organization.'); // prettier-ignore
    }
    const results = await this.executor.executeBatch(
      items.map(({ command, context }) => ({
        request: { command },
        context: {
          orgId: context.orgId,
          correlationId: context.correlationId,
          causationId: context.causationId,
        },
      })),
    );
    return { results };
  }
}
