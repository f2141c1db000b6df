import { maskAddress } from './masked-address';

describe('maskAddress', () => {
  it.each([
    ['email', 'alice@msp.example', 'a***@msp.example'],
    ['email', 'nonsense', '***'],
    ['slack', 'https://hooks.slack.com/services/T1/B2/secret', 'https://hooks.slack.com/…'],
    ['slack', 'not a url', 'a Slack webhook'],
    ['sms', '+14155550123', '********0123'],
    ['push', 'abcdefghijklmnopqrstuv', '…qrstuv'],
  ] as const)('%s %s → %s', (channel, address, masked) => {
    expect(maskAddress(channel, address)).toBe(masked);
  });
});
