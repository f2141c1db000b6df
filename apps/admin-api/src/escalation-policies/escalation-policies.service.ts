import { Injectable } from '@nestjs/common';
import {
  Commands,
  CreateEscalationPolicyCommand,
  CursorPageQueryDto,
  DeleteEscalationPolicyCommand,
  GetEscalationPolicyQuery,
  ListEscalationPoliciesQuery,
  Queries,
  EscalationPolicyPage,
  EscalationPolicyView,
  UpdateEscalationPolicyCommand,
} from '@oncall/contracts';
import { checkEscalationPolicy, NormalizedEscalationPolicy } from '@oncall/escalation-domain';
import { MessageBus } from '@oncall/platform-messaging';
import { personActorOf, RequestContext, rpcContextOf } from '@oncall/platform-runtime';
import { DataSource } from 'typeorm';
import { conflict } from '../directory/shared/directory-errors';

import { definitionOf, EscalationPolicyDto, ReplaceEscalationPolicyDto } from './escalation-policy.dto';
import {
  badRequestForProblems,
  IN_TRANSACTION_RPC_TIMEOUT_MS,
  rethrowEscalationError,
} from './escalation-rpc';
import { lockPolicyReferences } from './policy-reference-lock';
import { PolicyTargetsCheck } from './policy-targets.check';

/**
 * Escalation policies live in the escalation service; admin-api checks what only it can (users, the
 * services using a policy), asks scheduling about schedules, then forwards, always for the caller's own
 * organization.
 */
@Injectable()
export class EscalationPoliciesService {
  constructor(
    private readonly bus: MessageBus,
    private readonly dataSource: DataSource,
    private readonly targets: PolicyTargetsCheck,
  ) {}

  list(caller: RequestContext, query: CursorPageQueryDto): Promise<EscalationPolicyPage> {
    return this.ask<EscalationPolicyPage, ListEscalationPoliciesQuery>(
      Queries.escalation.listPolicies,
      caller,
      {
        ...query,
      },
    );
  }

  get(caller: RequestContext, policyId: string): Promise<EscalationPolicyView> {
    return this.ask<EscalationPolicyView, GetEscalationPolicyQuery>(Queries.escalation.getPolicy, caller, {
      policyId,
    });
  }

  async create(caller: RequestContext, body: EscalationPolicyDto): Promise<EscalationPolicyView> {
    const definition = normalized(body);
    await this.targets.require(caller, definition);
    return this.command<CreateEscalationPolicyCommand>(Commands.escalation.createPolicy, caller, {
      definition,
    });
  }

  /** The policy must be the caller's before its targets are looked at: another organization's id is 404. */
  async replace(
    caller: RequestContext,
    policyId: string,
    body: ReplaceEscalationPolicyDto,
  ): Promise<EscalationPolicyView> {
    const definition = normalized(body);
    await this.get(caller, policyId);
    await this.targets.require(caller, definition);
    return this.command<UpdateEscalationPolicyCommand>(Commands.escalation.updatePolicy, caller, {
      policyId,
      definition,
      expectedVersion: body.expectedVersion,
    });
  }

  /**
   * Refused with 409 POLICY_IN_USE while a service of the organization starts its incidents with it. The
   * delete is sent while the per-policy lock is held, so it waits at most 2 s for escalation (then 503):
   * a slow escalation service must not hold the transaction, and its connection, open.
   */
  remove(caller: RequestContext, policyId: string, expectedVersion?: number): Promise<void> {
    return this.dataSource.transaction(async (tx) => {
      await lockPolicyReferences(tx, policyId);
      const users: { name: string }[] = await tx.query(
        'SELECT name FROM services WHERE org_id = $1 AND escalation_policy_id = $2 ORDER BY name',
        [caller.orgId, policyId],
      );
      if (users.length > 0) {
        const names = users.map((service) => `"${service.name}"`).join(', ');
        throw conflict(
          `Escalation policy ${policyId} is used by service(s) ${names}; give them another policy first.`,
          'POLICY_IN_USE',
        );
      }
      try {
        await this.command<DeleteEscalationPolicyCommand>(
          Commands.escalation.deletePolicy,
          caller,
          { policyId, expectedVersion },
          IN_TRANSACTION_RPC_TIMEOUT_MS,
        );
      } catch (error) {
        rethrowEscalationError(error, 'it is not known whether the policy was deleted');
      }
    });
  }

  /** A change to a policy, sent as the calling person; escalation answers the policy as it now stands. */
  private command<TRequest extends { actor: unknown }>(
    subject: string,
    caller: RequestContext,
    data: Omit<TRequest, 'actor'>,
    timeoutMs?: number,
  ): Promise<EscalationPolicyView> {
    const request = { actor: personActorOf(caller), ...data } as TRequest;
    return this.ask<EscalationPolicyView, TRequest>(subject, caller, request, timeoutMs);
  }

  private ask<TAnswer, TRequest>(
    subject: string,
    caller: RequestContext,
    data: TRequest,
    timeoutMs?: number,
  ): Promise<TAnswer> {
    return this.bus.rpc.request<TAnswer, TRequest>(subject, data, rpcContextOf(caller), timeoutMs);
  }
}

/** The domain's own check after the DTO's: it also refuses a target listed twice in a step. */
function normalized(body: EscalationPolicyDto): NormalizedEscalationPolicy {
  const check = checkEscalationPolicy(definitionOf(body));
  if (!check.ok) throw badRequestForProblems(check.problems);
  return check.definition;
}
