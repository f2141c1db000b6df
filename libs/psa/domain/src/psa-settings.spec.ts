import { boardFor, checkPsaSettings, DEFAULT_PSA_SETTINGS, priorityFor } from './psa-settings';

const SERVICE = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('checkPsaSettings', () => {
  it('fills defaults: P1 to P4 by severity, no board, close on resolution', () => {
    expect(checkPsaSettings({})).toEqual({ ok: true, settings: DEFAULT_PSA_SETTINGS });
  });

  it('normalizes names and ids, and keeps priorities not given at their defaults', () => {
    const check = checkPsaSettings({
      priorities: { warning: 'P2' },
      defaultBoard: '  Service Desk ',
      serviceBoards: [{ serviceId: SERVICE.toUpperCase(), board: 'NOC' }],
      onResolve: { action: 'set-status', status: ' Completed ' },
    });
    expect(check).toEqual({
      ok: true,
      settings: {
        priorities: { critical: 'P1', high: 'P2', warning: 'P2', info: 'P4' },
        defaultBoard: 'Service Desk',
        serviceBoards: [{ serviceId: SERVICE, board: 'NOC' }],
        onResolve: { action: 'set-status', status: 'Completed' },
      },
    });
  });

  it.each([
    ['a body that is not an object', [], ''],
    ['an unknown severity', { priorities: { urgent: 'P1' } }, 'priorities.urgent'],
    ['a priority beyond P4', { priorities: { info: 'P5' } }, 'priorities.info'],
    ['an empty default board', { defaultBoard: ' ' }, 'defaultBoard'],
    ['a board name too long', { defaultBoard: 'b'.repeat(101) }, 'defaultBoard'],
    ['a board with a line break', { defaultBoard: 'NOC\nX' }, 'defaultBoard'],
    ['service boards that are not a list', { serviceBoards: {} }, 'serviceBoards'],
    ['a service board without a service', { serviceBoards: [{ board: 'NOC' }] }, 'serviceBoards[0].serviceId'],
    ['a service listed twice', { serviceBoards: [{ serviceId: SERVICE, board: 'A' }, { serviceId: SERVICE, board: 'B' }] }, 'serviceBoards[1].serviceId'],
    ['a service board without a board', { serviceBoards: [{ serviceId: SERVICE }] }, 'serviceBoards[0].board'],
    ['a status change without a status', { onResolve: { action: 'set-status' } }, 'onResolve.status'],
    ['an unknown resolution action', { onResolve: { action: 'delete' } }, 'onResolve'],
  ])('refuses %s, naming the path', (_, input, path) => {
    const check = checkPsaSettings(input);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems.map((problem) => problem.path)).toContain(path);
  }); // prettier-ignore
});

describe('boardFor and priorityFor', () => {
  const settings = { ...DEFAULT_PSA_SETTINGS, defaultBoard: 'Service Desk', serviceBoards: [{ serviceId: SERVICE, board: 'NOC' }] };

  it('takes the service’s board, else the default', () => {
    expect(boardFor(settings, SERVICE.toUpperCase())).toBe('NOC');
    expect(boardFor(settings, 'another-service')).toBe('Service Desk');
    expect(boardFor(DEFAULT_PSA_SETTINGS, SERVICE)).toBeNull();
  });

  it('maps severity to the neutral priority', () => {
    expect(['critical', 'high', 'warning', 'info'].map((s) => priorityFor(settings, s as 'info'))).toEqual(['P1', 'P2', 'P3', 'P4']);
  });
}); // prettier-ignore
