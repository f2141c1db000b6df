import fc from 'fast-check';
import { ORG_ID_PATTERN, parseHubClaims, SUBJECT_PATTERN } from './hub-claims';

const good = {
  sub: 'auth0|5f1c2b',
  org_id: 'msp-42',
  email: 'ada@msp.example',
  name: 'Ada Lovelace',
  role: 'manager',
  org_name: 'Lovelace IT',
  exp: 1_900_000_000,
};

/** Values of every JSON type but string, and strings of the wrong shape. */
const WRONG_TYPES: [string, unknown][] = [
  ['an object', { id: 'msp-42' }],
  ['an array', ['msp-42']],
  ['a number', 42],
  ['a boolean', true],
  ['null', null],
  ['an empty string', ''],
];

describe('Hub token claims', () => {
  it('accepts a well-formed set, naming the person by e-mail when the token has no name', () => {
    expect(parseHubClaims(good)).toEqual({
      ok: true,
      expiresAt: good.exp,
      claims: { sub: good.sub, org_id: 'msp-42', email: good.email, name: 'Ada Lovelace', role: 'manager', org_name: 'Lovelace IT' }, // prettier-ignore
    });
    const { name: _, org_name: __, ...bare } = good;
    expect(parseHubClaims(bare)).toMatchObject({ ok: true, claims: { name: good.email } });
  });

  describe.each(['sub', 'org_id', 'email', 'role'])('claim %s', (claim) => {
    it.each(WRONG_TYPES)('refuses %s, naming the claim', (_, value) => {
      const parsed = parseHubClaims({ ...good, [claim]: value });
      expect(parsed).toEqual({ ok: false, problem: expect.stringContaining(`claim ${claim} `) });
    });
    it('refuses it missing', () => {
      const { [claim as keyof typeof good]: _, ...rest } = good;
      expect(parseHubClaims(rest)).toEqual({ ok: false, problem: `claim ${claim} is missing` });
    });
  });

  // By claim, each value refused with the name of its case.
  const refusedValues: Record<string, [string, unknown][]> = {
    org_id: [
      ['an org id too long', 'o'.repeat(129)],
      ['an org id with a slash', 'msp/42'],
      ['an org id with a space', 'msp 42'],
      ['an org id with CR/LF (a header injection)', 'msp\r\nX-Evil: 1'],
      ['an org id with a NATS wildcard', 'msp.*'],
      ['an org id starting with a dot', '.msp'],
      ['an org id with a NUL', 'msp\u0000'],
    ],
    sub: [
      ['a subject too long', 's'.repeat(256)],
      ['a subject with a space', 'auth0 user'],
    ],
    email: [
      ['an e-mail without @', 'ada.example'],
      ['an e-mail with a NUL', 'ada\u0000@msp.example'],
    ],
    role: [['an unknown role', 'admin']],
    name: [
      ['a name with a NUL', 'Nul\u0000Byte'],
      ['a name with a lone surrogate', 'Ada \ud800'],
      ['a name of only spaces', '   '],
      ['a name too long', 'n'.repeat(201)],
      ['a name that is an object', { first: 'Ada' }],
    ],
    org_name: [['an organization name that is a number', 7]],
  };
  it.each(
    Object.entries(refusedValues).flatMap(([claim, cases]) =>
      cases.map(([name, value]) => [name, claim, value] as const),
    ),
  )('refuses %s', (_, claim, value) => {
    expect(parseHubClaims({ ...good, [claim]: value })).toEqual({
      ok: false,
      problem: expect.stringContaining(`claim ${claim} must be`),
    });
  });

  it.each([
    ['no exp', { exp: undefined }],
    ['exp as a string', { exp: '1900000000' }],
  ])('refuses a token with %s', (_, change) => {
    expect(parseHubClaims({ ...good, ...change })).toEqual({
      ok: false,
      problem: expect.stringContaining('exp'),
    });
  });

  it('never throws, and whatever it accepts has ids of the documented shapes', () => {
    const claim = fc.oneof(
      fc.jsonValue(),
      fc.string({ unit: 'binary' }),
      fc.constantFrom(...Object.values(good)),
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...Object.keys(good)), claim),
        fc.anything(),
        (claims, junk) => {
          for (const payload of [claims, { ...good, ...claims }, junk]) {
            const parsed = parseHubClaims(payload);
            if (!parsed.ok) continue;
            expect(parsed.claims.org_id).toMatch(ORG_ID_PATTERN);
            expect(parsed.claims.sub).toMatch(SUBJECT_PATTERN);
            for (const text of [parsed.claims.email, parsed.claims.name, parsed.claims.org_name ?? 'x'])
              expect(typeof text).toBe('string');
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
