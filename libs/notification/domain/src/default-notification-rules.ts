import { NotificationRules } from './notification.types';

/**
 * The reminder of the default high-urgency rules. Not 5: the recommended MSP policy moves to the next
 * level after 5 minutes, so a reminder at 5 would land as the page leaves the person; at 3 it still
 * leaves them 2 minutes to answer.
 */
export const DEFAULT_REMINDER_DELAY_MINUTES = 3;

/**
 * Rules every person starts with (including people provisioned just in time), built on the contact method
 * made from their account email: high urgency emails at once and again as a reminder; low urgency once.
 */
export function defaultRules(emailMethodId: string): NotificationRules {
  return {
    high: [
      { contactMethodId: emailMethodId, delayMinutes: 0 },
      { contactMethodId: emailMethodId, delayMinutes: DEFAULT_REMINDER_DELAY_MINUTES },
    ],
    low: [{ contactMethodId: emailMethodId, delayMinutes: 0 }],
  };
}
