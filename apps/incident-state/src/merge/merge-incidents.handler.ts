import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { Commands, IncidentCommandResult, MergeIncidentsCommand } from '@oncall/contracts';
import { OrgRequest, RpcError } from '@oncall/platform-messaging';
import { IncidentCommandExecutor } from '../execute-command/incident-command-executor';

/**
 * Merge spans two aggregates, so it is two decisions in order (ADR 0031): the target absorbs the source's
 * alerts, then the source is resolved as merged into the target. Both are idempotent: a retry after a
 * crash between them simply runs both again and changes nothing twice.
 */
@Controller()
export class MergeIncidentsHandler {
  constructor(private readonly executor: IncidentCommandExecutor) {}

  @MessagePattern(Commands.incident.merge)
  async handle(
    @OrgRequest() { context, data }: OrgRequest<MergeIncidentsCommand>,
  ): Promise<IncidentCommandResult> {
    const { targetIncidentId, sourceIncidentIds, by, at } = data;
    if (sourceIncidentIds.length === 0 || sourceIncidentIds.includes(targetIncidentId)) {
      throw new RpcError('VALIDATION_FAILED', 'Name at least one incident to merge, other than the target.', {
        errors: [{ field: 'sourceIncidentIds', message: 'sourceIncidentIds must list other incidents' }],
      });
    }
    let result: IncidentCommandResult | undefined;
    for (const sourceIncidentId of sourceIncidentIds) {
      const source = await this.executor.load(sourceIncidentId);
      if (source.status === 'none' || source.orgId !== context.orgId) {
        throw new RpcError(
          'INCIDENT_NOT_FOUND',
          `Incident ${sourceIncidentId} was not found in this organization.`,
        );
      }
      const target = { incidentId: targetIncidentId, orgId: context.orgId };
      result = await this.executor.execute(
        {
          command: {
            type: 'AbsorbIncident',
            data: {
              ...target,
              source: {
                incidentId: source.incidentId,
                orgId: source.orgId,
                status: source.status,
                mergedInto: source.mergedInto,
                alerts: source.alerts,
              },
            },
            by,
            at,
          },
        },
        context,
      );
      await this.executor.execute(
        {
          command: {
            type: 'MergeIncidentInto',
            data: { incidentId: sourceIncidentId, orgId: context.orgId, targetIncidentId },
            by,
            at,
          },
        },
        context,
      );
    }
    if (!result) throw new Error('A merge with sources always answers the target');
    return result;
  }
}
