import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { IncidentEscalationView, Queries } from '@oncall/contracts';
import { OrgRequest, RpcError } from '@oncall/platform-messaging';
import { DataSource } from 'typeorm';
import { readProcess } from '../engine/process.store';

/** One incident's escalation: the policy snapshot taken at the trigger and where the walk stands. */
@Controller()
export class IncidentEscalationHandler {
  constructor(private readonly dataSource: DataSource) {}

  @MessagePattern(Queries.escalation.incidentEscalation)
  async get(
    @OrgRequest() { orgId, data }: OrgRequest<{ incidentId: string }>,
  ): Promise<IncidentEscalationView> {
    const incidentId = String(data?.incidentId ?? '');
    const stored = await readProcess(this.dataSource.manager, orgId, incidentId);
    if (!stored || stored.state.phase === 'none') {
      throw new RpcError('NOT_FOUND', `No escalation for incident ${incidentId} in your organization.`);
    }
    const { state } = stored;
    return {
      incidentId,
      phase: state.phase,
      policy: state.policy
        ? {
            ...state.policy,
            steps: state.policy.steps.map((step) => ({
              ...step,
              targets: step.targets.map((target) => ({ ...target })),
            })),
          }
        : null,
      urgency: state.urgency,
      generation: state.generation,
      position: state.position,
      heldUntil: state.heldUntil,
      acknowledgedAt: state.acknowledgedAt,
      assignedUserIds: state.assignedUserIds ? [...state.assignedUserIds] : null,
    };
  }
}
