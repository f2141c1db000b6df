import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { NotificationConfig } from '../notification.config';
import { ActionLinkSigner } from './action-link.signer';

/** Injection token of the ActionLinkSigner. */
export const ACTION_LINK_SIGNER = Symbol('ACTION_LINK_SIGNER');

/**
 * The signer of one-click links. Production takes ACTION_LINK_SECRET (validated at start). Development
 * keeps a random secret in a local file (mode 0600, git-ignored, created on first use), so links in the
 * development mailbox keep working across restarts, like the development signing key (ADR 0008).
 */
export function actionLinkSignerFor(config: NotificationConfig): ActionLinkSigner {
  if (config.ACTION_LINK_SECRET) return new ActionLinkSigner(config.ACTION_LINK_SECRET);
  if (config.NODE_ENV === 'production') throw new Error('ACTION_LINK_SECRET is not set');
  return new ActionLinkSigner(localSecret(config.ACTION_LINK_KEY_FILE));
}

function localSecret(file: string): string {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another service process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readFileSync(file, 'utf8').trim();
}
