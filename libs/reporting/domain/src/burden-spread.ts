import type { PersonBurden } from './burden';

export interface BurdenSpread {
  readonly people: number;
  readonly meanHoursOnCall: number | null;
  readonly meanPages: number | null;
  /** Share of the team's pages (0..1) each person received; null when the team got none. */
  readonly pageShare: Readonly<Record<string, number | null>>;
  readonly hourShare: Readonly<Record<string, number | null>>;
  /** People carrying more than `factor` × the team mean of pages or of on-call hours. */
  readonly carryingTooMuch: readonly string[];
}

/** How the burden spreads across a team, and who carries too much of it. */
export function burdenSpread(burdens: readonly PersonBurden[], factor = 1.5): BurdenSpread {
  const n = burdens.length;
  const totalPages = burdens.reduce((sum, person) => sum + person.pages, 0);
  const totalHours = burdens.reduce((sum, person) => sum + person.hoursOnCall, 0);
  const meanPages = n === 0 ? null : totalPages / n;
  const meanHours = n === 0 ? null : totalHours / n;
  return {
    people: n,
    meanHoursOnCall: meanHours,
    meanPages,
    pageShare: Object.fromEntries(
      burdens.map((person) => [person.userId, totalPages === 0 ? null : person.pages / totalPages]),
    ),
    hourShare: Object.fromEntries(
      burdens.map((person) => [person.userId, totalHours === 0 ? null : person.hoursOnCall / totalHours]),
    ),
    carryingTooMuch: burdens
      .filter(
        (person) =>
          (meanPages !== null && meanPages > 0 && person.pages > factor * meanPages) ||
          (meanHours !== null && meanHours > 0 && person.hoursOnCall > factor * meanHours),
      )
      .map((person) => person.userId),
  };
}
