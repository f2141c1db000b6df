import { ServiceUnavailableException } from '@nestjs/common';
import { RpcErrorCodes } from '@oncall/contracts';
import { EscalationPolicyProblem } from '@oncall/escalation-domain';
import { RpcError } from '@oncall/platform-messaging';
import { apiFieldName, badRequestFor, problem } from '@oncall/platform-runtime';

/**
 * How long a request to escalation may take while admin-api holds a transaction open with row or advisory
 * locks (a service's policy check, a policy delete). A slow escalation service must not keep connections
 * out of the pool: after this the write is rolled back and answered 503.
 */
export const IN_TRANSACTION_RPC_TIMEOUT_MS = 2_000;

/** Throws 503 for an escalation service that did not answer in time, anything else unchanged. */
export function rethrowEscalationError(error: unknown, whatWasNotDone: string): never {
  if (error instanceof RpcError && error.code === RpcErrorCodes.unavailable) {
    throw new ServiceUnavailableException(
      problem(
        503,
        `The escalation service did not answer in time, so ${whatWasNotDone}. Try again in a moment.`,
        { code: 'ESCALATION_UNAVAILABLE' },
      ),
    );
  }
  throw error;
}

export function badRequestForProblems(problems: readonly EscalationPolicyProblem[]) {
  return badRequestFor(
    problems.map((problem) => ({
      field: apiFieldName(problem.path),
      message: `${apiFieldName(problem.path)} ${apiFieldName(problem.message)}`,
    })),
  );
}
