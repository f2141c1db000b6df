import fc from 'fast-check';
import { clientResolver } from './client-resolver';
import { RoutedAlertFacts, routeToService, RoutingRule } from './routing-rule';
import { validateRoutingRules } from './validate-routing-rules';

const rules: RoutingRule[] = [
  {
    ruleId: 'r-defend',
    serviceId: 'svc-soc',
    when: { integrationIds: ['int-defend'], severities: ['critical', 'high'] },
  },
  { ruleId: 'r-bakkerij', serviceId: 'svc-bakkerij', when: { clientIds: ['client-bakkerij'] } },
  { ruleId: 'r-jansen', serviceId: 'svc-jansen', when: { clientIds: ['client-jansen'] } },
  {
    ruleId: 'r-prod-fs',
    serviceId: 'svc-servers',
    when: { devices: ['FS01', 'FS02'], labels: { env: 'prod' } },
  },
];
const alert: RoutedAlertFacts = { integrationId: 'int-rmm', clientId: null, labels: {}, severity: 'warning' };

describe('routeToService', () => {
  // prettier-ignore
  it.each<[string, Partial<RoutedAlertFacts>, string, string | null]>([
    ["a client's alert goes to its service", { clientId: 'client-bakkerij' }, 'svc-bakkerij', 'r-bakkerij'],
    ["another client's to theirs", { clientId: 'client-jansen' }, 'svc-jansen', 'r-jansen'],
    ['an alert no rule matches goes to the default', { clientId: 'client-unknown' }, 'svc-default', null],
    ['an alert of no known client too', {}, 'svc-default', null],
    ['the first matching rule wins', { integrationId: 'int-defend', severity: 'high', clientId: 'client-jansen' }, 'svc-soc', 'r-defend'],
    ['every condition of a rule must hold', { integrationId: 'int-defend', severity: 'info', clientId: 'client-jansen' }, 'svc-jansen', 'r-jansen'],
    ['devices match whatever their case, labels exactly', { device: 'fs02', labels: { env: 'prod' } }, 'svc-servers', 'r-prod-fs'],
    ['a label with another value does not match', { device: 'FS01', labels: { env: 'test' } }, 'svc-default', null],
    ['a device rule needs a device', { labels: { env: 'prod' } }, 'svc-default', null],
  ])('%s', (_, change, serviceId, ruleId) => {
    expect(routeToService({ ...alert, ...change }, rules, 'svc-default')).toEqual({ serviceId, ruleId });
  });

  it('rules added after the one taken never change the route', () => {
    const facts = fc.record({
      integrationId: fc.constantFrom('int-rmm', 'int-defend'),
      clientId: fc.constantFrom(null, 'client-bakkerij', 'client-jansen'),
      device: fc.constantFrom(undefined, 'FS01', 'pc-7'),
      labels: fc.constantFrom({}, { env: 'prod' }),
      severity: fc.constantFrom('critical', 'high', 'warning', 'info'),
    }) as fc.Arbitrary<RoutedAlertFacts>;
    fc.assert(
      fc.property(facts, fc.shuffledSubarray(rules), fc.shuffledSubarray(rules), (facts, first, later) => {
        const route = routeToService(facts, first, 'svc-default');
        const withLater = routeToService(facts, [...first, ...later], 'svc-default');
        expect(route.ruleId === null || withLater.ruleId === route.ruleId).toBe(true);
        expect(route.serviceId).toBe(
          first.find((rule) => rule.ruleId === route.ruleId)?.serviceId ?? 'svc-default',
        );
      }),
    );
  });
});

describe('clientResolver', () => {
  const resolve = clientResolver([
    { clientId: 'client-bakkerij', rmmExternalId: 'site-881', psaExternalId: 'cw-12' },
    { clientId: 'client-jansen', rmmExternalId: 'site-902', psaExternalId: 'cw-12' },
    { clientId: 'client-site-902', rmmExternalId: null, psaExternalId: null },
  ]);

  it.each<[string | undefined, string | null]>([
    ['site-881', 'client-bakkerij'],
    ['client-jansen', 'client-jansen'],
    ['site-902', 'client-jansen'],
    ['cw-12', null],
    ['site-999', null],
    [undefined, null],
  ])('%s is %s', (sourceClient, clientId) => {
    expect(resolve(sourceClient)).toBe(clientId);
  });
});

describe('validateRoutingRules', () => {
  const services = new Set(['svc-soc', 'svc-bakkerij', 'svc-jansen', 'svc-servers']);
  const valid = rules[1];

  it('accepts the rules above', () => {
    expect(validateRoutingRules(rules, services)).toEqual([]);
  });

  // prettier-ignore
  it.each<[string, unknown, string[]]>([
    ['not a list', { rules }, ['rules']],
    ['a repeated rule id', [valid, valid], ['rules.1.ruleId']],
    ['an unknown service', [{ ...valid, serviceId: 'svc-gone' }], ['rules.0.serviceId']],
    ['a rule without conditions', [{ ...valid, when: {} }], ['rules.0.when']],
    ['an unknown condition', [{ ...valid, when: { hostname: ['x'] } }], ['rules.0.when.hostname']],
    ['an empty list', [{ ...valid, when: { clientIds: [] } }], ['rules.0.when.clientIds']],
    ['a blank device', [{ ...valid, when: { devices: [' '] } }], ['rules.0.when.devices']],
    ['an unknown severity', [{ ...valid, when: { severities: ['error'] } }], ['rules.0.when.severities']],
    ['labels that are no map of text', [{ ...valid, when: { labels: { env: 3 } } }], ['rules.0.when.labels']],
    ['a rule that is no object', ['r-1'], ['rules.0']],
    ['201 rules', new Array(201).fill(valid), ['rules']],
  ])('refuses %s', (_, value, fields) => {
    expect(validateRoutingRules(value, services).map((problem) => problem.field)).toEqual(fields);
  });
});
