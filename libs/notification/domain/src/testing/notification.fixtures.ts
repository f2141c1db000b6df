import type { ContactMethod, PageRequest } from '../notification.types';

export const ALICE = 'user-alice';
export const BOB = 'user-bob';
export const ALICE_ACCOUNT_EMAIL = 'alice@msp.example';

export const T = {
  requested: '2027-03-01T02:00:00.000Z',
  plus3min: '2027-03-01T02:03:00.000Z',
  plus5min: '2027-03-01T02:05:00.000Z',
} as const;

export function contactMethod(fields: Partial<ContactMethod> & Pick<ContactMethod, 'id'>): ContactMethod {
  return {
    userId: ALICE,
    type: 'email',
    address: `${fields.id}@msp.example`,
    verified: true,
    enabled: true,
    ...fields,
  };
}

/** Alice's account email (unverified flag, but her identity provider's address), her Slack hook and phone. */
export const accountEmail = contactMethod({
  id: 'cm-account',
  address: ALICE_ACCOUNT_EMAIL,
  verified: false,
});
export const slack = contactMethod({
  id: 'cm-slack',
  type: 'slack',
  address: 'https://hooks.slack.com/services/T1/B2/secret',
});
export const phone = contactMethod({ id: 'cm-phone', type: 'phone', address: '+14155550123' });

export function pageRequest(fields: Partial<PageRequest> = {}): PageRequest {
  return {
    incidentId: 'inc-1',
    orgId: 'org-1',
    userId: ALICE,
    level: 1,
    cycle: 1,
    urgency: 'high',
    requestedAt: T.requested,
    ...fields,
  };
}
