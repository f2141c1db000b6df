import { decideGrouping, GroupingDecision, OpenGroup } from './decide-grouping';
import { GroupableAlert, groupKeyOf, GroupingRule, validateGroupingRule } from './grouping-rule';

const alert: GroupableAlert = {
  alertId: 'a-9',
  integrationId: 'int-rmm',
  labels: { env: 'prod', alertname: 'DiskFull' },
  client: 'site-881',
  device: 'FS01',
  groupKey: '{}:{alertname="DiskFull"}',
};
const byDevice: GroupingRule = { by: 'device', windowMinutes: 30 };
const deviceKey = 'device:["site-881","fs01"]';
const open: OpenGroup = {
  groupKey: deviceKey,
  incidentId: 'a-1',
  openedAt: '2027-03-02T10:00:00.000Z',
  closesAt: '2027-03-02T10:30:00.000Z',
};

describe('groupKeyOf', () => {
  it.each<[GroupingRule, Partial<GroupableAlert>, string | null]>([
    [{ by: 'label', label: 'env', windowMinutes: 5 }, {}, 'label:["env","prod"]'],
    [{ by: 'label', label: 'team', windowMinutes: 5 }, {}, null],
    [{ by: 'label', label: 'constructor', windowMinutes: 5 }, {}, null],
    [byDevice, {}, deviceKey],
    [byDevice, { device: 'fs01' }, deviceKey],
    [byDevice, { client: undefined }, 'device:[null,"fs01"]'],
    [byDevice, { device: undefined }, null],
    [{ by: 'client', windowMinutes: 5 }, {}, 'client:["site-881"]'],
    [
      { by: 'source-group-key', windowMinutes: 5 },
      {},
      'source-group-key:["int-rmm","{}:{alertname=\\"DiskFull\\"}"]',
    ],
    [{ by: 'source-group-key', windowMinutes: 5 }, { groupKey: undefined }, null],
  ])('%j of %j is %s', (rule, change, key) => {
    expect(groupKeyOf({ ...alert, ...change }, rule)).toBe(key);
  });

  it('keeps groupings apart whatever the names contain', () => {
    const a = groupKeyOf({ ...alert, client: 'a","b', device: 'c' }, byDevice);
    const b = groupKeyOf({ ...alert, client: 'a', device: 'b","c' }, byDevice);
    expect(a).not.toBe(b);
  });
});

describe('decideGrouping', () => {
  // prettier-ignore
  it.each<[string, Partial<GroupableAlert>, OpenGroup | null, string, GroupingRule | null, GroupingDecision]>([
    ['joins the open group of its key within the window', {}, open, '2027-03-02T10:29:59.999Z', byDevice, { kind: 'join-incident', incidentId: 'a-1', groupKey: deviceKey }],
    ['opens a new group once the window closed', {}, open, '2027-03-02T10:30:00.000Z', byDevice, { kind: 'open-group', group: { groupKey: deviceKey, incidentId: 'a-9', openedAt: '2027-03-02T10:30:00.000Z', closesAt: '2027-03-02T11:00:00.000Z' } }],
    ['opens a group when none is open', {}, null, '2027-03-02T10:05:00.000Z', byDevice, { kind: 'open-group', group: { groupKey: deviceKey, incidentId: 'a-9', openedAt: '2027-03-02T10:05:00.000Z', closesAt: '2027-03-02T10:35:00.000Z' } }],
    ['never joins a group of another key', { device: 'FS02' }, open, '2027-03-02T10:05:00.000Z', byDevice, { kind: 'open-group', group: { groupKey: 'device:["site-881","fs02"]', incidentId: 'a-9', openedAt: '2027-03-02T10:05:00.000Z', closesAt: '2027-03-02T10:35:00.000Z' } }],
    ['Defend critical/high bypass grouping', { bypassGrouping: true }, open, '2027-03-02T10:05:00.000Z', byDevice, { kind: 'ungrouped', reason: 'bypasses grouping' }],
    ['an alert without a device is not grouped by device', { device: undefined }, open, '2027-03-02T10:05:00.000Z', byDevice, { kind: 'ungrouped', reason: 'no group key' }],
    ['a service without a rule does not group', {}, open, '2027-03-02T10:05:00.000Z', null, { kind: 'ungrouped', reason: 'no grouping rule' }],
  ])('%s', (_, change, openGroup, now, rule, decision) => {
    expect(decideGrouping({ ...alert, ...change }, openGroup, now, rule)).toEqual(decision);
  });
});

describe('validateGroupingRule', () => {
  it.each<[unknown, string[]]>([
    [null, []],
    [{ by: 'device', windowMinutes: 30 }, []],
    [{ by: 'label', label: 'alertname', windowMinutes: 1440 }, []],
    [{ by: 'label', windowMinutes: 30 }, ['grouping.label']],
    [{ by: 'host', windowMinutes: 30 }, ['grouping.by']],
    [{ by: 'client', windowMinutes: 0 }, ['grouping.windowMinutes']],
    [{ by: 'client', windowMinutes: 1441 }, ['grouping.windowMinutes']],
    [{ by: 'client', windowMinutes: 2.5 }, ['grouping.windowMinutes']],
    ['device', ['grouping']],
  ])('%j → %j', (rule, fields) => {
    expect(validateGroupingRule(rule).map((problem) => problem.field)).toEqual(fields);
  });
});
