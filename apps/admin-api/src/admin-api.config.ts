import { ServiceConfig } from '@oncall/platform-config';
import { IsIn, IsOptional, IsString, IsUrl, ValidateIf } from 'class-validator';

export class AdminApiConfig extends ServiceConfig {
  /** Hub SSO. All three, or none for development (tokens signed by a local key, see DEV_SIGNING_KEY_FILE). */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  HUB_JWKS_URL?: string;

  @ValidateIf((config: AdminApiConfig) => Boolean(config.HUB_JWKS_URL))
  @IsString()
  HUB_ISSUER?: string;

  @ValidateIf((config: AdminApiConfig) => Boolean(config.HUB_JWKS_URL))
  @IsString()
  HUB_AUDIENCE?: string;

  @IsString()
  DEV_SIGNING_KEY_FILE: string = '.oncall/dev-signing-key.json';

  /** In production the development signing key is refused: Hub must be configured. */
  @IsOptional()
  @IsIn(['production', 'development', 'test'])
  NODE_ENV?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_URL?: string;

  /** Hub presents it to poll the billing count; unset = the billing endpoint refuses everyone. */
  @IsOptional()
  @IsString()
  HUB_BILLING_KEY?: string;

  /**
   * The built admin SPA (`vite build`), served at `/` when the directory exists. A relative path is taken
   * from the working directory, which is the repository root under `npm start` and the tests.
   */
  @IsString()
  SPA_DIST_DIR: string = 'apps/admin-spa/dist';
}
