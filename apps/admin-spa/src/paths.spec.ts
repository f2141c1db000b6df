import { decodedSegment, incidentPath } from './paths';

describe('SPA paths', () => {
  it.each([
    ['b1', 'b1'],
    ['b%201', 'b 1'],
    // Not valid percent-encoding: decodeURIComponent throws, and the app must not go blank.
    ['%E0%A4%A', null],
    ['%', null],
  ])('segment %s is %j', (raw, decoded) => {
    expect(decodedSegment(raw)).toBe(decoded);
  });

  it('encodes incident ids into their address', () => {
    expect(incidentPath('a b/c')).toBe('/incidents/a%20b%2Fc');
  });
});
