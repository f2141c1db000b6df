import { BaseServiceConfig, IntegerBetween, SharedSecret } from '@oncall/platform-config';
import { IsOptional, Matches } from 'class-validator';

/**
 * The gateway has no database (ADR 0131): no DATABASE_URL. Integration keys come from the state stream, so
 * there is no lookup cache to tune either.
 */
export class IngestionGatewayConfig extends BaseServiceConfig {
  /** Largest alert body accepted, also once decompressed; larger ones are refused with 400 naming `body`. */
  @IntegerBetween(1024, 10 * 1024 * 1024)
  MAX_ALERT_BODY_BYTES: number = 256 * 1024;

  /** Defend (the EDR) posts alerts for every organization with this key; unset = Defend is refused. */
  @IsOptional()
  @SharedSecret('key')
  DEFEND_SERVICE_KEY?: string;

  /** Alerts per second one integration may send, sustained (token bucket, ADR 0133). */
  @IntegerBetween(1, 1_000_000)
  INTEGRATION_RATE_PER_SECOND: number = 100;

  /** Alerts one integration may send at once above its sustained rate (the bucket's size). */
  @IntegerBetween(1, 10_000_000)
  INTEGRATION_RATE_BURST: number = 1_000;

  /** Refused keys per second one source address may present before all its keyed requests get 429. */
  @IntegerBetween(1, 1_000_000)
  INVALID_KEY_RATE_PER_SOURCE: number = 10;

  /** Refused keys one source address may present at once before the rate above applies. */
  @IntegerBetween(1, 10_000_000)
  INVALID_KEY_BURST_PER_SOURCE: number = 100;

  /**
   * Proxies whose X-Forwarded-For names the sender (per-source limits need the sender's address): a hop
   * count (`1`), or addresses and CIDRs (`10.0.0.0/8,127.0.0.1`). Unset: the connection's address.
   */
  @IsOptional()
  @Matches(/^(\d{1,2}|[0-9a-fA-F.:/]+(,\s*[0-9a-fA-F.:/]+)*)$/, {
    message: 'must be a hop count or a comma-separated list of addresses and CIDRs',
  })
  TRUST_PROXY?: string;
}
