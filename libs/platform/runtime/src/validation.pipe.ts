import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
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
 * Deeper than any request the API takes (an escalation policy's targets sit 4 levels down), far below
 * what would exhaust the stack: class-transformer walks bodies recursively, and a body nested a few
 * thousand levels deep made it throw RangeError, a 500 (issue 8, item 5).
 */
export const MAX_REQUEST_DEPTH = 32;

/** Validates and transforms DTOs; unknown fields are refused so typos are caught, not ignored. */
export function createValidationPipe(): ValidationPipe {
  return new ShallowInputValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => badRequestFor(flattenValidationErrors(errors)),
  });
}

class ShallowInputValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if ((metadata.type === 'body' || metadata.type === 'query') && depthExceeds(value, MAX_REQUEST_DEPTH)) {
      const field = metadata.type;
      throw badRequestFor([
        { field, message: `${field} is nested more than ${MAX_REQUEST_DEPTH} levels deep` },
      ]);
    }
    return super.transform(value, metadata);
  }
}

/** Whether objects/arrays nest deeper than `limit`; iterative, so any depth is measured safely. */
export function depthExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [current, depth] = next;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Validates a plain object against a DTO class outside Nest's pipes (bodies read by hand). */
export function validatePayload<T extends object>(dto: new () => T, plain: Record<string, unknown>): T {
  const instance = plainToInstance(dto, plain);
  const errors = validateSync(instance, { forbidUnknownValues: false });
  if (errors.length > 0) throw badRequestFor(flattenValidationErrors(errors));
  return instance;
}
