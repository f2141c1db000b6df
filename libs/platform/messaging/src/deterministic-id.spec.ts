import { deterministicUuid } from './deterministic-id';

describe('deterministicUuid', () => {
  // Ids already published by escalation and notification: they must never change.
  it.each([
    ['oncall.escalation', 'NotifyRequested:abc', 'c9c31fa3-d223-5a07-86fa-f599fc994ec7'],
    ['oncall.notification', 'unreachable:page-1', 'd59699ac-62e2-5040-8776-e447b481b82f'],
  ])('%s %s is %s', (namespace, name, id) => {
    expect(deterministicUuid(namespace, name)).toBe(id);
  });

  it('has the version 5 layout', () => {
    expect(deterministicUuid('oncall.test', 'x')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
