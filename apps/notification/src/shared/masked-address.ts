import type { ContactMethodType } from '@oncall/contracts';

/**
 * An address as events, timelines and logs show it: enough to tell which method was used, not enough to
 * reach the person (`a***@example.com`, `+*******0123`, a Slack hook without its secret path).
 */
export function maskAddress(channel: ContactMethodType, address: string): string {
  switch (channel) {
    case 'email': {
      const at = address.lastIndexOf('@');
      if (at < 1) return '***';
      return `${address[0]}***${address.slice(at)}`;
    }
    case 'slack':
      try {
        return `${new URL(address).origin}/…`;
      } catch {
        return 'a Slack webhook';
      }
    case 'sms':
    case 'phone':
      return `${'*'.repeat(Math.max(address.length - 4, 0))}${address.slice(-4)}`;
    case 'push':
      return `…${address.slice(-6)}`;
  }
}
