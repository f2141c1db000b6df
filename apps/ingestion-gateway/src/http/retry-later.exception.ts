import { HttpException } from '@nestjs/common';
import { ProblemDetails } from '@oncall/platform-runtime';

/** A refusal the sender should retry (429 or 503): answered with Retry-After. */
export class RetryLaterException extends HttpException {
  constructor(
    readonly retryAfterSeconds: number,
    problem: ProblemDetails,
  ) {
    super(problem, problem.status);
  }
}
