import { activeManagersOf, UserState } from './directory-state';

const user = (userId: string, overrides: Partial<UserState> = {}): UserState => ({
  userId,
  orgId: 'org-a',
  email: `${userId}@example.com`,
  name: userId,
  role: 'manager',
  timeZone: 'UTC',
  active: true,
  ...overrides,
});

describe('activeManagersOf', () => {
  it("keeps only the organization's active managers, by user id", () => {
    const users = [
      user('m-2'),
      user('m-1'),
      user('tech', { role: 'technician' }),
      user('owner', { role: 'owner' }),
      user('left', { active: false }),
      user('elsewhere', { orgId: 'org-b' }),
    ];
    expect(activeManagersOf(users, 'org-a').map((u) => u.userId)).toEqual(['m-1', 'm-2']);
  });
});
