import { EscalationActor, EscalationPolicyView, RpcErrorCodes } from '@oncall/contracts';
import {
  checkEscalationPolicy,
  EscalationPolicyProblem,
  NormalizedEscalationPolicy,
} from '@oncall/escalation-domain';
import { RpcError } from '@oncall/platform-messaging';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROLES = ['manager', 'technician', 'owner'];

// Checks of what arrives over the bus. The bus is trusted for who is asking (ADR 0010), not for the shape
// of what they send: a refusal names the field, so admin-api can hand it to the person who typed it.

export function policyIdOf(value: unknown): string {
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw validationFailed([
      { path: 'policyId', message: `must be a policy UUID, got ${JSON.stringify(value)}` },
    ]);
  }
  return value.toLowerCase();
}

export function expectedVersionOf(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw validationFailed([
      {
        path: 'expectedVersion',
        message: `must be a version number of 1 or more, got ${JSON.stringify(value)}`,
      },
    ]);
  }
  return value;
}

/** Who changes which existing policy, having read which version: what update and delete requests share. */
export interface ExistingPolicyChange {
  readonly policyId: string;
  readonly expectedVersion: number | undefined;
  readonly actor: EscalationActor;
}

export function existingPolicyChangeOf(
  data: { policyId?: unknown; expectedVersion?: unknown; actor?: unknown } | undefined,
): ExistingPolicyChange {
  return {
    policyId: policyIdOf(data?.policyId),
    expectedVersion: expectedVersionOf(data?.expectedVersion),
    actor: actorOf(data?.actor),
  };
}

export function actorOf(value: unknown): EscalationActor {
  const actor = value as Partial<EscalationActor> | undefined;
  if (
    typeof actor?.userId !== 'string' ||
    typeof actor.name !== 'string' ||
    !ROLES.includes(actor.role as string)
  ) {
    throw validationFailed([
      { path: 'actor', message: 'must name who makes the change: {userId, name, role}' },
    ]);
  }
  return { userId: actor.userId, name: actor.name, role: actor.role as EscalationActor['role'] };
}

/** The normalized definition, or VALIDATION_FAILED listing every problem (paths like `steps[1].targets[0].id`). */
export function definitionOf(value: unknown): NormalizedEscalationPolicy {
  const check = checkEscalationPolicy(value);
  if (!check.ok) throw validationFailed(check.problems);
  return check.definition;
}

export function validationFailed(problems: readonly EscalationPolicyProblem[]): RpcError {
  return new RpcError(
    RpcErrorCodes.validationFailed,
    `Invalid escalation policy: ${problems.map((problem) => `${problem.path} ${problem.message}`).join('; ')}`,
    {
      errors: problems.map((problem) => ({
        field: problem.path,
        message: `${problem.path} ${problem.message}`,
      })),
    },
  );
}

export function policyNotFound(policyId: string): RpcError {
  return new RpcError(RpcErrorCodes.notFound, `No escalation policy ${policyId} in your organization.`);
}

export function staleVersion(current: EscalationPolicyView, expectedVersion: number): RpcError {
  return new RpcError(
    RpcErrorCodes.conflict,
    `Escalation policy "${current.name}" is at version ${current.version}, not ${expectedVersion}: ` +
      'someone changed it since you read it. Reload it and apply your change again.',
    { expectedVersion, currentVersion: current.version },
  );
}

/** CONFLICT when the caller read another version than the current one; no expectedVersion, no check. */
export function checkExpectedVersion(
  current: EscalationPolicyView,
  expectedVersion: number | undefined,
): void {
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    throw staleVersion(current, expectedVersion);
  }
}
