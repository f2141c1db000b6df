import { IntegerBetween, ServiceConfig, SharedSecret } from '@oncall/platform-config';
import { IsNotEmpty, IsOptional, IsString, IsUrl, ValidateIf } from 'class-validator';

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

  /**
   * The admin SPA's client id at Hub (a public client: authorization code + PKCE, no secret). Set with the
   * HUB_* variables, the SPA signs people in through Hub; unset, it offers the development token sign-in.
   */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  HUB_SPA_CLIENT_ID?: string;

  @IsString()
  DEV_SIGNING_KEY_FILE: string = '.oncall/dev-signing-key.json';

  /**
   * Where people reach On-Call (the admin SPA and API), for the links admin-api hands out (calendar feeds).
   * Unset: those links are relative to wherever the caller reached the API, never built from its Host header.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_URL?: string;

  /**
   * Where monitoring tools reach the ingestion gateway, for integrations' alert URLs. Unset: alert URLs are
   * the gateway path only (`/v1/alerts/generic/<key>`), to be put behind the gateway's address (ADR 0085).
   */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_ALERTS_URL?: string;

  /** Hub presents it to poll the billing count; unset = the billing endpoint refuses everyone. */
  @IsOptional()
  @SharedSecret('key')
  HUB_BILLING_KEY?: string;

  /**
   * How often a live stream (/api/v1/live/incidents) sends a keep-alive, and checks that its user is still
   * active: a deactivated user's stream ends within this time.
   */
  @IntegerBetween(1_000, 60_000)
  LIVE_KEEP_ALIVE_MS: number = 25_000;

  /** Live streams one person may hold open at once on one replica; beyond, 429 (ADR 0086). */
  @IntegerBetween(1, 100)
  LIVE_STREAMS_PER_USER: number = 5;

  /**
   * The built admin SPA (`vite build`), served at `/` when the directory exists. A relative path is taken
   * from the working directory, which is the repository root under `npm start` and the tests.
   */
  @IsString()
  SPA_DIST_DIR: string = 'apps/admin-spa/dist';
}
