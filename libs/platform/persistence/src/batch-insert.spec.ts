import { batchInsert } from './batch-insert';

describe('batchInsert', () => {
  it('names each column with its array type, and passes one array of values a column', () => {
    const insert = batchInsert(
      'pages',
      [
        { name: 'page_id', type: 'text', value: (page: { id: string; level: number }) => page.id },
        { name: 'level', type: 'int', value: (page) => page.level },
      ],
      [
        { id: 'p1', level: 1 },
        { id: 'p2', level: 2 },
      ],
    );
    expect(insert).toEqual({
      sql: 'INSERT INTO pages (page_id, level) SELECT * FROM unnest($1::text[], $2::int[])',
      parameters: [
        ['p1', 'p2'],
        [1, 2],
      ],
    });
  });
});
