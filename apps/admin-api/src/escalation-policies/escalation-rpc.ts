import { EscalationActor, RpcContext, RpcErrorCodes } from '@oncall/contracts';
import { EscalationPolicyProblem } from '@oncall/escalation-domain';
import { RpcError } from '@oncall/platform-messaging';
import { badRequestFor } from '@oncall/platform-runtime';
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

/** `steps[1].targets[0].id` (the domain's path) as the API names fields everywhere: `steps.1.targets.0.id`. */
export function apiField(path: string): string {
  return path.replace(/\[(\d+)\]/g, '.$1');
}

export function badRequestForProblems(problems: readonly EscalationPolicyProblem[]) {
  return badRequestFor(
    problems.map((problem) => ({
      field: apiField(problem.path),
      message: `${apiField(problem.path)} ${apiField(problem.message)}`,
    })),
  );
}

/**
 * Escalation's VALIDATION_FAILED lists its problems; answer them as the API's own 400 (fields named), so
 * a check made only in the escalation service reads like one made here. Other refusals pass unchanged.
 */
export async function withEscalationProblems<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    const problems = (error as RpcError).details?.problems;
    if (
      error instanceof RpcError &&
      error.code === RpcErrorCodes.validationFailed &&
      Array.isArray(problems)
    ) {
      throw badRequestForProblems(problems as EscalationPolicyProblem[]);
    }
    throw error;
  }
}
