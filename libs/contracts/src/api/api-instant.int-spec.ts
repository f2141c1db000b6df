import { TEST_POSTGRES_URL } from '@oncall/platform-testing';
import fc from 'fast-check';
import { Client } from 'pg';
import { isApiInstant } from './api-instant';
import { listCursors } from './list-cursor';

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** Date-time-looking text with fields in and out of range: what a prober would send. */
const candidate = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 60 }),
    second: fc.option(fc.integer({ min: 0, max: 61 })),
    fraction: fc.option(fc.stringMatching(/^\d{1,7}$/)),
    offset: fc.oneof(fc.constant('Z'), fc.constant(''), fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 17 }), fc.integer({ min: 0, max: 61 })).map(([s, h, m]) => `${s}${pad(h, 2)}:${pad(m, 2)}`)), // prettier-ignore
  })
  .map(({ year, month, day, hour, minute, second, fraction, offset }) => {
    const time = `${pad(hour, 2)}:${pad(minute, 2)}${second === null ? '' : `:${pad(second, 2)}${fraction === null ? '' : `.${fraction}`}`}`; // prettier-ignore
    return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${time}${offset}`;
  });

/** Oracle: PostgreSQL itself. Whatever the API lets through must be read by it as the same instant. */
describe('Instants and cursors the API accepts, read by PostgreSQL', () => {
  let client: Client;
  beforeAll(async () => {
    client = new Client({ connectionString: TEST_POSTGRES_URL });
    await client.connect();
  });
  afterAll(() => client.end());

  const readByPostgres = async (value: string): Promise<number | null> => {
    try {
      const { rows } = await client.query('SELECT extract(epoch FROM $1::timestamptz) * 1000 AS ms', [value]);
      return Number(rows[0].ms);
    } catch {
      return null;
    }
  };

  it('every accepted query instant is one PostgreSQL reads, as the same moment', async () => {
    await fc.assert(
      fc.asyncProperty(candidate, async (value) => {
        if (!isApiInstant(value)) return;
        const ms = await readByPostgres(value);
        expect({ value, ms }).toEqual({ value, ms: expect.closeTo(Date.parse(value), -1) });
      }),
      { numRuns: 1_000 },
    );
  });

  it('every accepted cursor names an instant PostgreSQL reads', async () => {
    await fc.assert(
      fc.asyncProperty(candidate, fc.uuid(), async (at, id) => {
        const cursor = Buffer.from(JSON.stringify([at, id])).toString('base64url');
        const position = listCursors.ms.decode(cursor) ?? listCursors.us.decode(cursor);
        if (position) expect({ at, ms: await readByPostgres(position[0]) }).not.toEqual({ at, ms: null });
      }),
      { numRuns: 1_000 },
    );
  });
});
