import { deadLetterSubject } from '@oncall/contracts';
import { JetStreamClient, JsMsg } from 'nats';
import { SubjectNamespace } from './subject-namespace';

/** Copies a message a consumer gave up on, with why, to `oncall.dlq.<stream>.<durable>` (kept 30 days). */
export async function publishDeadLetter(
  js: JetStreamClient,
  namespace: SubjectNamespace,
  source: { stream: string; durable: string },
  message: JsMsg,
  error: Error,
  attempts: number,
): Promise<void> {
  const body = new TextEncoder().encode(
    JSON.stringify({
      ...source,
      subject: namespace.unqualify(message.subject),
      streamSequence: message.seq,
      attempts,
      error: error.message,
      failedAt: new Date().toISOString(),
      body: new TextDecoder().decode(message.data),
    }),
  );
  await js.publish(namespace.subject(deadLetterSubject(source.stream, source.durable)), body, {
    msgID: `${source.stream}:${source.durable}:${message.seq}`,
    headers: message.headers,
  });
}
