import { redactUrl } from '@oncall/platform-observability';

describe('live tickets in logs', () => {
  it('are redacted from logged URLs, like tokens', () => {
    expect(redactUrl('/api/v1/live/incidents?ticket=AbC_d-123')).toBe(
      '/api/v1/live/incidents?ticket=[redacted]',
    );
    expect(redactUrl('/api/v1/live/incidents?x=1&ticket=AbC&y=2')).toBe(
      '/api/v1/live/incidents?x=1&ticket=[redacted]&y=2',
    );
  });
});
