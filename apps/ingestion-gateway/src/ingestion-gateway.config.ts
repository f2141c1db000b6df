import { ServiceConfig } from '@oncall/platform-config';
import { IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';

export class IngestionGatewayConfig extends ServiceConfig {
  /** Largest alert body accepted; larger ones are refused with 400 naming `body`. */
  @IsInt()
  @Min(1024)
  @Max(10 * 1024 * 1024)
  MAX_ALERT_BODY_BYTES: number = 256 * 1024;

  /** How long a key lookup is trusted; bounds how long a revoked key keeps working. */
  @IsInt()
  @Min(0)
  @Max(5_000)
  INTEGRATION_CACHE_TTL_MS: number = 3_000;

  /** Defend (the EDR) posts alerts for every organization with this key; unset = Defend is refused. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters (a random key, e.g. openssl rand -hex 32)' })
  DEFEND_SERVICE_KEY?: string;
}
