import type { ContactMethodType } from './notification-events';

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
