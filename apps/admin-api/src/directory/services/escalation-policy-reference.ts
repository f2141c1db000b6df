import { EscalationPolicyView, GetEscalationPolicyQuery, Queries, RpcErrorCodes } from '@oncall/contracts';
import { RpcClient, RpcError } from '@oncall/platform-messaging';
import { RequestContext, rpcContextOf } from '@oncall/platform-runtime';
import { EntityManager } from 'typeorm';
import {
  rethrowEscalationError,
  IN_TRANSACTION_RPC_TIMEOUT_MS,
} from '../../escalation-policies/escalation-rpc';
import { lockPolicyReferences } from '../../escalation-policies/policy-reference-lock';
import { invalidField } from '../shared/directory-errors';

/**
 * A service may only start its incidents with a policy of its organization. The escalation service owns
 * policies, so it is asked; NOT_FOUND (missing, or another organization's) is a 400 naming the field, and
 * an escalation service that does not answer within 2 s is a 503 (the service is not saved unchecked, and
 * the transaction, which holds the service's row lock, is not kept open waiting). The lock keeps the
 * policy from being deleted until this write commits.
 */
export async function requireEscalationPolicy(
  tx: EntityManager,
  rpc: RpcClient,
  context: RequestContext,
  policyId: string,
): Promise<void> {
  await lockPolicyReferences(tx, policyId);
  try {
    await rpc.request<EscalationPolicyView, GetEscalationPolicyQuery>(
      Queries.escalation.getPolicy,
      { policyId },
      rpcContextOf(context),
      IN_TRANSACTION_RPC_TIMEOUT_MS,
    );
  } catch (error) {
    if (error instanceof RpcError && error.code === RpcErrorCodes.notFound) {
      throw invalidField(
        'escalationPolicyId',
        `escalationPolicyId ${policyId} is not an escalation policy of your organization`,
      );
    }
    rethrowEscalationError(error, 'the escalation policy could not be checked and nothing was saved');
  }
}
