import { InProductionMust, ServiceConfig } from '@oncall/platform-config';
import { IsDefined, IsOptional, IsString, IsUrl, MinLength, ValidateIf } from 'class-validator';

export class PsaSyncConfig extends ServiceConfig {
  /**
   * Base URL of the PSA's API (our contract: docs/psa/psa-api.openapi.yaml). Unset: PSA sync is off, visibly
   * (GET /api/v1/psa/status answers configured: false), and nothing else changes. https:// in production:
   * the service key travels in a header on every call, never in clear text outside development.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  @InProductionMust(
    'httpsInProduction',
    (value) => typeof value === 'string' && value.startsWith('https://'),
    'must be an https:// URL when NODE_ENV=production',
  )
  PSA_API_URL?: string;

  /** Presented to the PSA as `Authorization: Bearer <key>`; required with PSA_API_URL. */
  @ValidateIf(
    (config: PsaSyncConfig) => config.PSA_API_URL !== undefined || config.PSA_SERVICE_KEY !== undefined,
  )
  @IsDefined({ message: 'required when PSA_API_URL is set' })
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  PSA_SERVICE_KEY?: string;

  /** Where people open On-Call: tickets link back to `<PUBLIC_URL>/incidents/<id>`. Unset: no link. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  PUBLIC_URL?: string;
}
