import { IntegerBetween, RequiredInProduction, ServiceConfig, SharedSecret } from '@oncall/platform-config';
import { IsString, IsUrl, Matches } from 'class-validator';

const SMTP_URL = /^smtps?:\/\/\S+$/;

/** NODE_ENV=production (ServiceConfig) requires SMTP_URL, ACTION_LINK_SECRET and PUBLIC_URL; no dev mailbox. */
export class NotificationConfig extends ServiceConfig {
  /**
   * The relay emails are handed to: `smtp://user:pass@host:587` or `smtps://…`. Unset outside production:
   * the development mailbox catches every email in DEV_MAIL_DIR.
   */
  @RequiredInProduction()
  @Matches(SMTP_URL, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The From header of every email. */
  @IsString()
  MAIL_FROM: string = 'On-Call <oncall@localhost>';

  /**
   * Signs the one-click acknowledge/resolve links (HMAC-SHA256): at least 32 characters, the same on every
   * replica. Unset outside production: a random secret kept in ACTION_LINK_KEY_FILE.
   */
  @RequiredInProduction()
  @SharedSecret()
  ACTION_LINK_SECRET?: string;

  /** Development only (no ACTION_LINK_SECRET): the file keeping the generated secret. */
  @IsString()
  ACTION_LINK_KEY_FILE: string = '.oncall/action-link-secret';

  /** Where people reach the platform (admin-api): incident links and one-click links point there. */
  @RequiredInProduction()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_URL?: string;

  /** Pages to one contact method within a minute before further pages are bundled into a digest. */
  @IntegerBetween(1, 100)
  NOTIFY_DIGEST_THRESHOLD: number = 5;

  /** Development mailbox: where caught emails are written as .eml files. */
  @IsString()
  DEV_MAIL_DIR: string = '.oncall/mail';
}

/** Where people reach the platform; admin-api's port of `npm start` when unset (development). */
export function publicUrlOf(config: NotificationConfig): string {
  return (config.PUBLIC_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
}
