import { deflateRawSync } from 'node:zlib';
import { deflateEnvelope, inflateEnvelope } from './envelope-compression';

function envelopeOf(size: number): Buffer {
  const words = ['alert', 'FW-01', 'ping', 'lost', 'severity', 'critical', '"details":', '{', '}', '42'];
  let text = '';
  for (let i = 0; text.length < size; i++) text += `${words[(i * 7) % words.length]}${i % 13} `;
  return Buffer.from(text.slice(0, size));
}

describe('envelope compression of the alert history', () => {
  it.each([0, 1, 200, 567, 1_024, 4_000, 65_536, 300_000])('round-trips a %i-byte envelope', (size) => {
    const envelope = envelopeOf(size);
    expect(inflateEnvelope(deflateEnvelope(envelope)).equals(envelope)).toBe(true);
  });

  it('reads rows written with zlib’s default window (before this change)', () => {
    const envelope = envelopeOf(2_000);
    expect(inflateEnvelope(deflateRawSync(envelope, { level: 1 })).equals(envelope)).toBe(true);
  });

  it('compresses a typical envelope within a few percent of the default window', () => {
    const envelope = envelopeOf(1_500);
    const sized = deflateEnvelope(envelope).length;
    const byDefault = deflateRawSync(envelope, { level: 1 }).length;
    expect(sized).toBeLessThanOrEqual(Math.ceil(byDefault * 1.05));
  });
});
