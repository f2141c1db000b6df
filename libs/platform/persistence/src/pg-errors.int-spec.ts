import { connectedTestDatabase, stageForAll } from '@oncall/platform-testing';
import { isPermanentDataError, sqlStateOf } from './pg-errors';

/** What PostgreSQL really answers, not what we think it answers: each statement runs against a server. */
describe('isPermanentDataError against a real PostgreSQL', () => {
  const database = stageForAll(() => connectedTestDatabase('pgerr'));
  beforeAll(async () => {
    await database.client.query(
      `CREATE TABLE t (id int PRIMARY KEY, label text NOT NULL CHECK (label <> 'x'))`,
    );
    await database.client.query('INSERT INTO t VALUES (1, $1)', ['one']);
  });

  const refusal = (sql: string, params: unknown[] = []) =>
    database.client.query(sql, params).then(
      () => undefined,
      (error: unknown) => error,
    );

  it.each<[string, string, unknown[], string]>([
    ['NUL in text', 'SELECT $1::text', ['a\u0000b'], '22021'],
    ['NUL escaped in jsonb', 'SELECT $1::jsonb', [JSON.stringify({ s: 'a\u0000b' })], '22P05'],
    ['a lone surrogate escaped in jsonb', 'SELECT $1::jsonb', [JSON.stringify({ s: '\ud800' })], '22P02'],
    ['an impossible date', 'SELECT $1::timestamptz', ['2027-02-30T10:00:00Z'], '22008'],
    ['year 0', 'SELECT $1::timestamptz', ['0000-01-01T00:00:00Z'], '22008'],
    ['a number out of range', 'SELECT $1::int', ['99999999999'], '22003'],
    ['a NOT NULL violation', 'INSERT INTO t VALUES (2, NULL)', [], '23502'],
    ['a CHECK violation', `INSERT INTO t VALUES (3, 'x')`, [], '23514'],
  ])('%s is permanent', async (_, sql, params, state) => {
    const error = await refusal(sql, params);
    expect([sqlStateOf(error), isPermanentDataError(error)]).toEqual([state, true]);
  });

  it.each<[string, string, unknown[], string]>([
    [
      'a unique violation (a retry may find the row and do something else)',
      'INSERT INTO t VALUES (1, $1)',
      ['again'],
      '23505',
    ],
    ['a missing table (a migration may be rolling out)', 'SELECT * FROM not_yet_there', [], '42P01'],
    ['a query cancelled (a blip)', 'SELECT pg_sleep(1)', [], '57014'],
  ])('%s is not', async (_, sql, params, state) => {
    if (state === '57014') await database.client.query(`SET statement_timeout = '10ms'`);
    const error = await refusal(sql, params);
    await database.client.query('RESET statement_timeout');
    expect([sqlStateOf(error), isPermanentDataError(error)]).toEqual([state, false]);
  });

  it('reads the SQLSTATE through a TypeORM wrapper, and nothing from errors that are not PostgreSQL answers', async () => {
    const error = await refusal('SELECT $1::text', ['\u0000']);
    expect(isPermanentDataError({ message: 'QueryFailedError', driverError: error })).toBe(true);
    expect(sqlStateOf({ code: 'MAX_PAYLOAD_EXCEEDED' })).toBeUndefined();
    expect(sqlStateOf({ code: '22021' })).toBeUndefined();
    expect(sqlStateOf(new Error('22021'))).toBeUndefined();
    expect(sqlStateOf(null)).toBeUndefined();
  });
});
