import { ForbiddenException } from '@nestjs/common';
import { problem } from '@oncall/platform-runtime';

/** A deactivated person is refused alike however they authenticate (bearer token or live ticket). */
export function refuseIfDeactivated(user: { active: boolean }): void {
  if (user.active) return;
  throw new ForbiddenException(
    problem(403, 'Your On-Call account is deactivated; ask a manager of your organization.', {
      code: 'ACCOUNT_DEACTIVATED',
    }),
  );
}
