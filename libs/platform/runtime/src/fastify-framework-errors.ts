import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { problem } from './problem-details';

/**
 * Fastify's own answer to a URL it cannot decode quotes the URL back; that URL may hold an integration key.
 * This one is problem+json and quotes nothing.
 */
export function answerFrameworkError(
  _error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const body = problem(400, 'The request URL could not be read.', { code: 'BAD_REQUEST' });
  void reply
    .code(400)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send(JSON.stringify(body));
}
