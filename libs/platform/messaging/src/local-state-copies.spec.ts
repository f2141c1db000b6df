import { inOrganization } from './local-state-copies';

describe('inOrganization', () => {
  const view = { orgId: 'org-a', name: 'Alex' };

  it.each([
    ['a view of the organization asked for', 'org-a', view, view],
    ["another organization's view", 'org-b', view, undefined],
    ['nothing known', 'org-a', undefined, undefined],
  ])('answers %s', (_, orgId, given, expected) => {
    expect(inOrganization(orgId, given)).toBe(expected);
  });
});
