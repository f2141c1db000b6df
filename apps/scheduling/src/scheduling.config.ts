import { IntegerBetween, ServiceConfig } from '@oncall/platform-config';

export class SchedulingConfig extends ServiceConfig {
  /** Hour (UTC) of the daily coverage-gap scan; a missed run is made up at start. */
  @IntegerBetween(0, 23)
  GAP_SCAN_HOUR_UTC: number = 6;

  /** How far ahead gaps are looked for. */
  @IntegerBetween(1, 90)
  GAP_SCAN_DAYS: number = 14;
}
