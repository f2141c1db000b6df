import { ServiceConfig } from '@oncall/platform-config';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

const inProduction = (config: NotificationConfig) => config.NODE_ENV === 'production';
const SMTP_URL = /^smtps?:\/\/\S+$/;

export class NotificationConfig extends ServiceConfig {
  /** `production` requires SMTP_URL, ACTION_LINK_SECRET and PUBLIC_URL, and never runs the dev mailbox. */
  @IsOptional()
  @IsIn(['production', 'development', 'test'])
  NODE_ENV?: string;

  /**
   * The relay emails are handed to: `smtp://user:pass@host:587` or `smtps://…`. Unset outside production:
   * the development mailbox catches every email in DEV_MAIL_DIR.
   */
  @ValidateIf((config: NotificationConfig) => inProduction(config) || config.SMTP_URL !== undefined)
  @Matches(SMTP_URL, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The From header of every email. */
  @IsString()
  MAIL_FROM: string = 'On-Call <oncall@localhost>';

  /**
   * Signs the one-click acknowledge/resolve links (HMAC-SHA256): at least 32 characters, the same on every
   * replica. Unset outside production: a random secret kept in ACTION_LINK_SECRET_FILE.
   */
  @ValidateIf((config: NotificationConfig) => inProduction(config) || config.ACTION_LINK_SECRET !== undefined)
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters (e.g. openssl rand -hex 32)' })
  ACTION_LINK_SECRET?: string;

  @IsString()
  ACTION_LINK_SECRET_FILE: string = '.oncall/action-link-secret';

  /** How long an acknowledge/resolve link works. */
  @IsInt()
  @Min(5)
  @Max(7 * 24 * 60)
  ACTION_LINK_TTL_MINUTES: number = 24 * 60;

  /** Where people reach the platform (admin-api): incident links and one-click links point there. */
  @ValidateIf((config: NotificationConfig) => inProduction(config) || config.PUBLIC_URL !== undefined)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_URL?: string;

  /** Pages to one contact method within a minute before further pages are bundled into a digest. */
  @IsInt()
  @Min(1)
  @Max(100)
  NOTIFY_DIGEST_THRESHOLD: number = 5;

  /** Attempts per message (the first included) before it is marked failed. */
  @IsInt()
  @Min(1)
  @Max(50)
  NOTIFY_RETRY_MAX_ATTEMPTS: number = 12;

  /** Ceiling of the first retry's delay; it doubles per attempt up to NOTIFY_RETRY_MAX_DELAY_MS (full jitter). */
  @IsInt()
  @Min(10)
  NOTIFY_RETRY_BASE_MS: number = 2_000;

  @IsInt()
  @Min(100)
  NOTIFY_RETRY_MAX_DELAY_MS: number = 300_000;

  /** SMTP connections kept open to the relay. */
  @IsInt()
  @Min(1)
  @Max(50)
  SMTP_POOL_SIZE: number = 5;

  /** Bound on connecting to the relay and on any silence during a send (Slack requests too). */
  @IsInt()
  @Min(100)
  @Max(120_000)
  SEND_TIMEOUT_MS: number = 10_000;

  /** Development mailbox: where caught emails are written as .eml files. */
  @IsString()
  DEV_MAIL_DIR: string = '.oncall/mail';

  /** Development mailbox: its SMTP port on 127.0.0.1 (0: any free port). */
  @IsInt()
  @Min(0)
  @Max(65535)
  DEV_MAIL_SMTP_PORT: number = 0;
}

/** Where people reach the platform; admin-api's port of `npm start` when unset (development). */
export function publicUrlOf(config: NotificationConfig): string {
  return (config.PUBLIC_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
}
