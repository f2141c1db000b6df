import { EMPTY_RULE_DRAFT, parseLabels, ruleOf } from './rule-draft';

describe('ruleOf', () => {
  it('builds the rule the API takes from what was typed', () => {
    expect(
      ruleOf(
        {
          ...EMPTY_RULE_DRAFT,
          serviceId: 's-1',
          clientId: 'c-1',
          devices: 'FS01, fs02,FS01',
          labels: 'env=prod',
          severities: ['critical'],
        },
        'r-1',
      ),
    ).toEqual({
      rule: {
        ruleId: 'r-1',
        serviceId: 's-1',
        when: {
          clientIds: ['c-1'],
          devices: ['FS01', 'fs02'],
          labels: { env: 'prod' },
          severities: ['critical'],
        },
      },
    });
  });

  it.each<[string, Partial<typeof EMPTY_RULE_DRAFT>, string[]]>([
    ['no service', { clientId: 'c-1' }, ['serviceId']],
    ['no condition', { serviceId: 's-1' }, ['when']],
    ['labels that are not name=value', { serviceId: 's-1', labels: 'prod' }, ['labels']],
  ])('refuses %s before sending', (_, draft, fields) => {
    const result = ruleOf({ ...EMPTY_RULE_DRAFT, ...draft }, 'r-1');
    expect('problems' in result ? Object.keys(result.problems) : []).toEqual(fields);
  });
});

describe('parseLabels', () => {
  it.each<[string, Record<string, string> | null]>([
    ['', {}],
    ['env=prod, site = ams', { env: 'prod', site: 'ams' }],
    ['url=a=b', { url: 'a=b' }],
    ['=x', null],
    ['x', null],
  ])('%j → %j', (text, labels) => {
    expect(parseLabels(text)).toEqual(labels);
  });
});
