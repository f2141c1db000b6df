import { Writable } from 'node:stream';
import { runWithLogContext } from './log-context';
import { createLogger, redactUrl } from './logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { lines, logger: createLogger('svc', 'info', stream) };
}

describe('service logger', () => {
  it('adds orgId, correlationId and causationId of the message being handled to every line', () => {
    const { lines, logger } = capture();
    runWithLogContext({ orgId: 'org-7', correlationId: 'corr-1', causationId: 'evt-0' }, () =>
      logger.info('handled'),
    );
    logger.info('outside');
    expect(lines[0]).toMatchObject({
      service: 'svc',
      orgId: 'org-7',
      correlationId: 'corr-1',
      causationId: 'evt-0',
    });
    expect(lines[1]).not.toHaveProperty('orgId');
  });

  it('never writes secrets it is handed', () => {
    const { lines, logger } = capture();
    logger.info(
      {
        req: { headers: { authorization: 'Bearer abc.def' } },
        body: { integrationKey: 'k123', serviceKey: 's9' },
      },
      'x',
    );
    const text = JSON.stringify(lines[0]);
    expect(text).not.toMatch(/abc\.def|k123|s9/);
    expect(text).toContain('[redacted]');
  });

  it.each([
    ['/v1/alerts/generic/0123456789abcdef0123456789abcdef', '/v1/alerts/generic/[redacted]'],
    ['/v1/alerts/pagerduty/abc?x=1', '/v1/alerts/pagerduty/[redacted]?x=1'],
    ['/api/v1/calendar.ics?token=s3cret&x=1', '/api/v1/calendar.ics?token=[redacted]&x=1'],
    ['/api/v1/live/incidents?access_token=eyJ.x.y', '/api/v1/live/incidents?access_token=[redacted]'],
    ['/api/v1/incidents', '/api/v1/incidents'],
    ['/v1/alerts/0123456789abcdef0123456789abcdef', '/v1/alerts/[redacted]'],
    ['/v1/x0123456789ABCDEF0123456789abcdefx/y', '/v1/x[redacted]x/y'],
    [
      '/api/v1/services/5e7a1c2e-0d1f-4c55-9f0a-0000000000d1',
      '/api/v1/services/5e7a1c2e-0d1f-4c55-9f0a-0000000000d1',
    ],
  ])('redacts keys in %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});
