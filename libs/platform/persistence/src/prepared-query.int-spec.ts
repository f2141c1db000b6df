import { migratedTestDatabase, stageForAll } from '@oncall/platform-testing';
import { openServiceDataSource } from './open-data-source';
import { preparedQuery } from './prepared-query';

describe('preparedQuery against a real PostgreSQL', () => {
  const database = stageForAll(() =>
    migratedTestDatabase('prepared', (url) =>
      openServiceDataSource({ url, schema: 'public', migrations: [], applicationName: 'prepared-test' }),
    ),
  );
  beforeAll(() => database.dataSource.query('CREATE TABLE counters (id int PRIMARY KEY, n int NOT NULL)'));

  it('answers the rows of a statement run many times, over every pooled connection', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        preparedQuery<{ n: number }>(database.dataSource, 'SELECT $1::int AS n', [i]),
      ),
    );
    expect(answers.map(([row]) => row.n)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it('answers RETURNING rows of a write, and gives each text its own statement', async () => {
    const insert = 'INSERT INTO counters (id, n) VALUES ($1, $2) RETURNING id, n';
    const bump = 'UPDATE counters SET n = n + 1 WHERE id = $1 RETURNING n';
    expect(await preparedQuery(database.dataSource, insert, [1, 10])).toEqual([{ id: 1, n: 10 }]);
    expect(await preparedQuery(database.dataSource, bump, [1])).toEqual([{ n: 11 }]);
    expect(await preparedQuery(database.dataSource, bump, [1])).toEqual([{ n: 12 }]);
    expect(await preparedQuery(database.dataSource, bump, [2])).toEqual([]);
  });
});
