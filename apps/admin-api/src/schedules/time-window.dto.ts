import { IsOptional } from 'class-validator';
import { IsInstant } from './instant.validator';

const DAY_MS = 24 * 60 * 60 * 1000;
/** What "upcoming" means when the caller names no window. */
export const DEFAULT_WINDOW_DAYS = 14;

/** `?from=&to=`: a half-open UTC window; from defaults to now, to to 14 days after from. */
export class TimeWindowQueryDto {
  @IsOptional()
  @IsInstant()
  from?: string;

  @IsOptional()
  @IsInstant()
  to?: string;
}

export interface TimeWindow {
  from: string;
  to: string;
}

/** The window asked for, with the defaults filled in (scheduling checks that `to` is after `from`). */
export function windowOf(query: TimeWindowQueryDto, now: Date): TimeWindow {
  const from = query.from ? new Date(query.from) : now;
  const to = query.to ? new Date(query.to) : new Date(from.getTime() + DEFAULT_WINDOW_DAYS * DAY_MS);
  return { from: from.toISOString(), to: to.toISOString() };
}
