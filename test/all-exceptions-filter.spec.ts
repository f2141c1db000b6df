import { ArgumentsHost } from '@nestjs/common';
import { RpcError, RpcUnavailableError } from '@oncall/platform-messaging';
import { Logger } from 'pino';
import {
  AllExceptionsFilter,
  INTERNAL_DETAIL,
  UNAVAILABLE_DETAIL,
} from '../libs/platform/runtime/src/all-exceptions.filter';

/** What the filter answers over HTTP for an exception, and what it logged. */
function answerFor(exception: unknown) {
  const logged: { level: string; args: unknown[] }[] = [];
  const logger = {
    warn: (...args: unknown[]) => logged.push({ level: 'warn', args }),
    error: (...args: unknown[]) => logged.push({ level: 'error', args }),
  } as unknown as Logger;
  const sent: { status?: number; body?: Record<string, unknown> } = {};
  const response = {
    status(status: number) {
      sent.status = status;
      return this;
    },
    type() {
      return this;
    },
    json(body: Record<string, unknown>) {
      sent.body = body;
      return this;
    },
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({
      getRequest: () => ({ originalUrl: '/api/v1/schedules?limit=5' }),
      getResponse: () => response,
    }),
  } as unknown as ArgumentsHost;
  new AllExceptionsFilter(logger).catch(exception, host);
  return { ...sent, logged };
}

describe('the global exception filter', () => {
  it.each([
    ['nobody answering', new RpcUnavailableError('oncall.t1.scheduling.query.schedules', 'no-responders')],
    ['no answer in time', new RpcUnavailableError('oncall.t1.scheduling.query.schedules', 'timeout')],
    ['an UNAVAILABLE refusal', new RpcError('UNAVAILABLE', 'nats subject oncall.x.y is gone')],
  ])('answers %s with 503 and a fixed detail that names no subject or service', (_, error) => {
    const { status, body, logged } = answerFor(error);
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: 503, code: 'UNAVAILABLE', detail: UNAVAILABLE_DETAIL });
    expect(JSON.stringify(body)).not.toContain(error.message);
    expect(JSON.stringify(body)).not.toMatch(/oncall\.t1|subject|nats/i);
    // The remote error, message and subject included, is kept for the operators.
    expect(logged).toHaveLength(1);
    expect(logged[0].args[0]).toMatchObject({ err: error });
  });

  it.each([
    ['an INTERNAL failure behind the bus', new RpcError('INTERNAL', 'The service failed to handle oncall.qry.incident.list; it was logged.')], // prettier-ignore
    ['any other unexpected error', new Error('relation "oncall_x" does not exist at oncall.qry.foo')],
  ])('answers %s with 500 and a fixed detail that names no subject, logging the original', (_, error) => {
    const { status, body, logged } = answerFor(error);
    expect(status).toBe(500);
    expect(body).toMatchObject({ status: 500, detail: INTERNAL_DETAIL });
    expect(JSON.stringify(body)).not.toMatch(/oncall\.(?!dev\/)|subject|relation/i);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 'error', args: [expect.objectContaining({ err: error }), expect.any(String)] }); // prettier-ignore
  });

  it('keeps the detail of a domain refusal', () => {
    const { status, body } = answerFor(
      new RpcError('INVALID_TRANSITION', 'The incident is resolved already.'),
    );
    expect(status).toBe(409);
    expect(body).toMatchObject({ detail: 'The incident is resolved already.' });
  });
});
