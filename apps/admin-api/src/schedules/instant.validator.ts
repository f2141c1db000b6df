import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

/**
 * An ISO-8601 instant with an explicit offset ('2027-05-01T09:00:00Z'): a bare date-time would be read
 * in the server's zone, which nobody means.
 */
export const IsInstant = (): PropertyDecorator =>
  applyDecorators(
    IsISO8601({ strict: true }, { message: ({ property }) => `${property} must be an ISO-8601 instant` }),
    Matches(/(Z|[+-]\d{2}:\d{2})$/, {
      message: ({ property }) => `${property} must carry a UTC offset, e.g. 2027-05-01T09:00:00Z`,
    }),
  );
