import { ServiceConfig } from '@oncall/platform-config';
import { IsOptional, IsString, IsUrl, ValidateIf } from 'class-validator';

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

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_URL?: string;
}
