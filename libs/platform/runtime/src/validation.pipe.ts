import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
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

/** Validates and transforms DTOs; unknown fields are refused so typos are caught, not ignored. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => badRequestFor(flattenValidationErrors(errors)),
  });
}

/**
 * Validates a plain object against a DTO class outside Nest's pipes (bodies read by hand). Input the
 * validator cannot even read (class-transformer throws on `{"details": {"constructor": "x"}}`) is the
 * sender's fault: 400 naming `body`, never a 500.
 */
export function validatePayload<T extends object>(dto: new () => T, plain: Record<string, unknown>): T {
  let instance: T;
  let errors: ValidationError[];
  try {
    instance = plainToInstance(dto, plain);
    errors = validateSync(instance, { forbidUnknownValues: false });
  } catch {
    throw badRequestFor([{ field: 'body', message: 'body has a shape that cannot be read' }]);
  }
  if (errors.length > 0) throw badRequestFor(flattenValidationErrors(errors));
  return instance;
}
