import { ServiceConfig } from '@oncall/platform-config';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

/** Set when any HUB_* variable is: then all three must be (half a Hub configuration is a mistake, not development). */
const hubConfigured = (config: AdminApiConfig) =>
  Boolean(config.HUB_JWKS_URL || config.HUB_ISSUER || config.HUB_AUDIENCE);

export class AdminApiConfig extends ServiceConfig {
  /** Hub SSO. All three, or none for development (tokens signed by a local key, see DEV_SIGNING_KEY_FILE). */
  @ValidateIf(hubConfigured)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  HUB_JWKS_URL?: string;

  @ValidateIf(hubConfigured)
  @IsString()
  @IsNotEmpty()
  HUB_ISSUER?: string;

  @ValidateIf(hubConfigured)
  @IsString()
  @IsNotEmpty()
  HUB_AUDIENCE?: string;

  @IsString()
  DEV_SIGNING_KEY_FILE: string = '.oncall/dev-signing-key.json';

  /** In production the development signing key is refused (Hub must be configured) and /api/docs is off. */
  @IsOptional()
  @IsIn(['production', 'development', 'test'])
  NODE_ENV?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_URL?: string;

  /** Hub presents it to poll the billing count; unset = the billing endpoint refuses everyone. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters (a random key, e.g. openssl rand -hex 32)' })
  HUB_BILLING_KEY?: string;

  /**
   * How often a live stream (/api/v1/live/incidents) sends a keep-alive, and checks that its user is still
   * active: a deactivated user's stream ends within this time.
   */
  @IsInt()
  @Min(1_000)
  @Max(60_000)
  LIVE_KEEP_ALIVE_MS: number = 25_000;

  /**
   * The built admin SPA (`vite build`), served at `/` when the directory exists. A relative path is taken
   * from the working directory, which is the repository root under `npm start` and the tests.
   */
  @IsString()
  SPA_DIST_DIR: string = 'apps/admin-spa/dist';
}
