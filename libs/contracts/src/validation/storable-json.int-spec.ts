import { connectedTestDatabase, stageForAll } from '@oncall/platform-testing';
import fc from 'fast-check';
import { storableJsonProblems } from './storable-json';

/** The oracle is PostgreSQL itself: what the check lets through is stored as given, what it refuses is not. */
describe('storableJsonProblems against a real PostgreSQL', () => {
  const database = stageForAll(() => connectedTestDatabase('storable'));

  const storedAsJsonb = (value: unknown) =>
    database.client.query<{ v: unknown }>('SELECT $1::jsonb AS v', [JSON.stringify(value)]).then(
      (result) => ({ stored: true, value: result.rows[0].v }),
      () => ({ stored: false, value: undefined }),
    );

  it('accepts exactly the JSON that jsonb stores unchanged (any UTF-16 in strings and keys)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ stringUnit: 'binary', maxDepth: 3 }), async (value) => {
        const problems = storableJsonProblems(value);
        const result = await storedAsJsonb(value);
        // Compared with what JSON itself carries (JSON has no -0).
        const sent = JSON.parse(JSON.stringify(value)) as unknown;
        if (problems.length === 0) expect(result).toEqual({ stored: true, value: sent });
        // Refused for its text (not only for a key named __proto__ & co., which is our own rule): jsonb refuses it.
        if (problems.some((problem) => problem.message.includes('NUL'))) expect(result.stored).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts exactly the text a text column stores unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 20 }), async (text) => {
        const accepted = storableJsonProblems(text).length === 0;
        const stored = await database.client.query<{ v: string }>('SELECT $1::text AS v', [text]).then(
          (result) => result.rows[0].v,
          () => null,
        );
        // Refused text is either not stored at all (NUL) or changed on the way (an unpaired surrogate
        // becomes U+FFFD): either way it would not be what was sent.
        expect(stored === text).toBe(accepted);
      }),
      { numRuns: 300 },
    );
  });
});
