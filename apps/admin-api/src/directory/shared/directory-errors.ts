import { BadRequestException, ConflictException } from '@nestjs/common';
import { badRequestFor, problem } from '@oncall/platform-runtime';

/** 409: the request is well formed but clashes with the directory as it is now. */
export function conflict(detail: string, code: string): ConflictException {
  return new ConflictException(problem(409, detail, { code }));
}

/** 400 naming the one field at fault, shaped like the validation pipe's answers. */
export function invalidField(field: string, message: string): BadRequestException {
  return badRequestFor([{ field, message }]);
}
