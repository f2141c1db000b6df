import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { storableJsonProblems } from '@oncall/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { problem } from './problem-details';

/** Flattens nested class-validator errors into `{ field: 'a.b', message }` pairs. */
export function flattenValidationErrors(
  errors: ValidationError[],
  parent = '',
): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export function badRequestFor(errors: { field: string; message: string }[]): BadRequestException {
  const fields = [...new Set(errors.map((e) => e.field))].join(', ');
  return new BadRequestException(
    problem(400, `Invalid field(s): ${fields}. ${errors.map((e) => e.message).join('; ')}`, {
      code: 'VALIDATION_FAILED',
      errors,
    }),
  );
}

/**
 * Refuses, with 400 naming the field, what no body or query may hold whatever its DTO: text PostgreSQL
 * cannot store, nesting deeper than PAYLOAD_MAX_DEPTH, keys named __proto__/constructor/prototype. Runs
 * before class-transformer walks the value (a deep value would exhaust its recursion, a `constructor` key
 * breaks it), so every payload type, present or future, gets it by being validated at all.
 */
export function refuseUnstorable(plain: unknown): void {
  const problems = storableJsonProblems(plain);
  if (problems.length > 0) throw badRequestFor(problems);
}

/**
 * Nest's ValidationPipe with the platform's checks first, for every body and query validated against a
 * DTO class. Bus payloads (typed with interfaces) are not DTOs: their handlers answer typed refusals.
 */
class PlatformValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if ((metadata.type === 'body' || metadata.type === 'query') && this.toValidate(metadata)) {
      refuseUnstorable(value);
    }
    return super.transform(value, metadata);
  }
}

/** Validates and transforms DTOs; unknown fields are refused so typos are caught, not ignored. */
export function createValidationPipe(): ValidationPipe {
  return new PlatformValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => badRequestFor(flattenValidationErrors(errors)),
  });
}

/**
 * Validates a plain object against a DTO class outside Nest's pipes (bodies read by hand: every alert
 * payload type of the gateway), after the same checks the pipe makes.
 */
export function validatePayload<T extends object>(dto: new () => T, plain: Record<string, unknown>): T {
  refuseUnstorable(plain);
  const instance = plainToInstance(dto, plain);
  const errors = validateSync(instance, { forbidUnknownValues: false });
  if (errors.length > 0) throw badRequestFor(flattenValidationErrors(errors));
  return instance;
}
