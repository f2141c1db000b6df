import { DeadLetter, deadLetterSubject } from '@oncall/contracts';
import { sqlStateOf } from '@oncall/platform-persistence';
import { JetStreamClient, JsMsg } from 'nats';
import { isNeverApplicable } from './failure-policy';
import { UndecodableMessageError } from './message-codec';
import { RpcError } from './rpc-errors';
import { SubjectNamespace } from './subject-namespace';

/**
 * Characters of the original body a dead letter copies. Escaped inside the letter's JSON a body can grow
 * to several times its size, and a letter over the bus's max_payload could never be published: the message
 * would then come round forever in front of the others. The original stays in its stream (`streamSequence`).
 */
export const DEAD_LETTER_BODY_MAX_CHARS = 128 * 1024;

/** Copies a message a consumer gave up on, with why, to `oncall.dlq.<stream>.<durable>` (kept 30 days). */
export async function publishDeadLetter(
  js: JetStreamClient,
  namespace: SubjectNamespace,
  source: { stream: string; durable: string },
  message: JsMsg,
  error: Error,
  attempts: number,
): Promise<void> {
  const body = new TextDecoder().decode(message.data);
  const letter: DeadLetter = {
    ...source,
    subject: namespace.unqualify(message.subject),
    streamSequence: message.seq,
    attempts,
    permanent: isNeverApplicable(error),
    error: error.message,
    reason: reasonFor(error, attempts),
    // eslint-disable-next-line no-restricted-syntax -- operators' record of when delivery failed, in wall time
    failedAt: new Date().toISOString(),
    body: body.length > DEAD_LETTER_BODY_MAX_CHARS ? body.slice(0, DEAD_LETTER_BODY_MAX_CHARS) : body,
    ...(body.length > DEAD_LETTER_BODY_MAX_CHARS ? { bodyTruncated: true } : {}),
  };
  await js.publish(
    namespace.subject(deadLetterSubject(source.stream, source.durable)),
    new TextEncoder().encode(JSON.stringify(letter)),
    // The original's headers (organization, type, correlation) let a reader filter without parsing bodies.
    { msgID: `${source.stream}:${source.durable}:${message.seq}`, headers: message.headers },
  );
}

/**
 * Why, in a sentence an organization's manager may read: no SQL, no subject, no stack. The raw error is in
 * `error` and in the service's log for operators.
 */
function reasonFor(error: Error, attempts: number): string {
  if (error instanceof UndecodableMessageError) return 'The message is not valid JSON.';
  if (error instanceof RpcError && isNeverApplicable(error)) return `Refused: ${error.message}`;
  const state = sqlStateOf(error);
  if (state && isNeverApplicable(error)) {
    return `The database cannot store data in this message (SQLSTATE ${state}).`;
  }
  return `Handling failed ${attempts} time${attempts === 1 ? '' : 's'}; the service's log says why.`;
}
