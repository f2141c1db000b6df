import type { ContactMethodType } from './notification-events';

/**
 * Requests admin-api makes of notification (which owns contact methods, notification rules and the
 * single use of one-click links). The organization travels in the request context, from the caller's token;
 * `userId` is a person admin-api has checked is of that organization and that the caller may manage.
 */
export const NotificationCommands = {
  createContactMethod: 'oncall.cmd.notification.create-contact-method',
  updateContactMethod: 'oncall.cmd.notification.update-contact-method',
  deleteContactMethod: 'oncall.cmd.notification.delete-contact-method',
  sendVerification: 'oncall.cmd.notification.send-contact-verification',
  /** From the public confirmation page: the token is the credential (context orgId null). */
  confirmContactMethod: 'oncall.cmd.notification.confirm-contact-method',
  replaceRules: 'oncall.cmd.notification.replace-notification-rules',
  /** Checks a one-click link and records its single use (context orgId null: the token names it). */
  redeemActionLink: 'oncall.cmd.notification.redeem-action-link',
  /** Gives a redeemed link back when the action could not be carried out (the person may try again). */
  releaseActionLink: 'oncall.cmd.notification.release-action-link',
} as const;

export const NotificationQueries = {
  listContactMethods: 'oncall.qry.notification.list-contact-methods',
  getRules: 'oncall.qry.notification.get-notification-rules',
  /** What a one-click link would do, without using it (the confirmation page shows it). */
  inspectActionLink: 'oncall.qry.notification.inspect-action-link',
} as const;

/** Durable consumers of the notification service. */
export const NotificationConsumers = {
  notifyRequested: 'notification-notify-requested',
  incidentProgress: 'notification-incident-progress',
  coverageGaps: 'notification-coverage-gaps',
} as const;

/** The person's account (sign-in) email as admin-api knows it: their first contact method. */
export interface PersonRef {
  userId: string;
  accountEmail: string;
}

export interface ContactMethodView {
  id: string;
  userId: string;
  type: ContactMethodType;
  /** Email address, Slack webhook URL, E.164 number or device token. */
  address: string;
  verified: boolean;
  enabled: boolean;
  /** The person's sign-in address: it follows the directory and cannot be deleted (only disabled). */
  accountEmail: boolean;
  createdAt: string;
}

export interface CreateContactMethodRequest extends PersonRef {
  type: ContactMethodType;
  address: string;
  enabled?: boolean;
}

export interface UpdateContactMethodRequest extends PersonRef {
  contactMethodId: string;
  address?: string;
  enabled?: boolean;
}

export interface ContactMethodRequest extends PersonRef {
  contactMethodId: string;
}

export interface NotificationRuleStepView {
  contactMethodId: string;
  delayMinutes: number;
}

/** One list of steps per urgency, each ordered by delay. */
export interface NotificationRulesView {
  userId: string;
  high: NotificationRuleStepView[];
  low: NotificationRuleStepView[];
}

export interface ReplaceNotificationRulesRequest extends PersonRef {
  /** Checked by notification (`high[0].delayMinutes` names a field at fault). */
  rules: { high: unknown; low: unknown };
}

export interface ConfirmContactMethodRequest {
  token: string;
}

export type ConfirmContactMethodAnswer =
  | { status: 'confirmed' | 'already-confirmed'; type: ContactMethodType; address: string }
  | { status: 'expired' | 'unknown' };

export type ActionLinkAction = 'acknowledge' | 'resolve';

export interface ActionLinkRequest {
  action: ActionLinkAction;
  token: string;
}

/** Who may do what to which incident through a link, until when; `jti` names its single use. */
export interface ActionLinkClaimsView {
  action: ActionLinkAction;
  orgId: string;
  userId: string;
  incidentId: string;
  jti: string;
  expiresAt: string;
}

/** A link's verdict; the claims are only told for a link we signed. */
export type ActionLinkAnswer =
  ({ status: 'valid' | 'used' | 'expired' } & ActionLinkClaimsView) | { status: 'tampered' | 'wrong-action' };

export interface ReleaseActionLinkRequest {
  jti: string;
}
