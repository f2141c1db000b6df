import { IsApiInstant } from '@oncall/contracts';

/**
 * An instant with an explicit offset ('2027-05-01T09:00:00Z'), real and readable by PostgreSQL: a bare
 * date-time would be read in the server's zone, which nobody means, and a week date or 30 February is not
 * an instant at all (ADR 0083).
 */
export const IsInstant = (): PropertyDecorator => IsApiInstant();
