import { ServiceConfig } from '@oncall/platform-config';
import { IsInt, Max, Min } from 'class-validator';

export class SchedulingConfig extends ServiceConfig {
  /** Hour (UTC) of the daily coverage-gap scan; a missed run is made up at start. */
  @IsInt()
  @Min(0)
  @Max(23)
  GAP_SCAN_HOUR_UTC: number = 6;

  /** How far ahead gaps are looked for. */
  @IsInt()
  @Min(1)
  @Max(90)
  GAP_SCAN_DAYS: number = 14;
}
