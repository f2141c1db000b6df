import { EscalationActor, RpcContext } from '@oncall/contracts';
import { EscalationPolicyProblem } from '@oncall/escalation-domain';
import { apiFieldName, badRequestFor } from '@oncall/platform-runtime';
import { RequestContext } from '../directory/shared/request-context';

/** The bus context of a request: the caller's organization, from the token only. */
export function rpcContextOf(caller: RequestContext): RpcContext {
  return { orgId: caller.orgId, correlationId: caller.correlationId, causationId: null };
}

export function actorOf(caller: RequestContext): EscalationActor {
  if (!caller.principal)
    throw new Error('Escalation policies are changed by people; no principal on the request');
  const { userId, name, role } = caller.principal;
  return { userId, name, role };
}

export function badRequestForProblems(problems: readonly EscalationPolicyProblem[]) {
  return badRequestFor(
    problems.map((problem) => ({
      field: apiFieldName(problem.path),
      message: `${apiFieldName(problem.path)} ${apiFieldName(problem.message)}`,
    })),
  );
}
