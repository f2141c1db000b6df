/**
 * Why the bus would refuse a message however often it is sent, or null. Checked before publishing, so
 * nothing malformed reaches the client library or the wire (a subject with a space would be read by the
 * server as subject and reply-to; a header with CR/LF would inject headers), and nothing permanent can
 * hold back the messages behind it (ADR 0082).
 */
export function whyUnpublishable(message: {
  subject: unknown;
  messageId: unknown;
  headers: unknown;
}): string | null {
  if (typeof message.subject !== 'string' || !PUBLISH_SUBJECT.test(message.subject))
    return 'the subject is not a valid NATS subject to publish to';
  if (typeof message.messageId !== 'string' || !HEADER_VALUE.test(message.messageId))
    return 'the message id is not a valid header value';
  const { headers } = message;
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers))
    return 'the headers are not an object';
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name)) return `header ${JSON.stringify(name.slice(0, 64))} has an invalid name`;
    if (typeof value !== 'string' || !HEADER_VALUE.test(value))
      return `header ${name} is not a single-line string`;
  }
  return null;
}

/** Dot-separated tokens of visible characters other than the wildcards, at most 512 characters. */
const PUBLISH_SUBJECT = /^(?=.{1,512}$)[!-)+-\-/-=?-~]+(\.[!-)+-\-/-=?-~]+)*$/;
/** RFC 7230 field names as nats.js accepts them: visible ASCII but ':'. */
const HEADER_NAME = /^[!-9;-~]{1,128}$/;
/** One line (no CR, LF or other control characters but tab), at most 4 KiB. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HEADER_VALUE = /^[^\u0000-\u0008\u000a-\u001f\u007f]{0,4096}$/;

/**
 * Errors of a publish attempt that a retry cannot cure: the client refused the message itself (too large
 * for max_payload, a bad subject or header, a value of the wrong type) or JetStream refused its size.
 * Anything else (a timeout, no responders, a disconnect) is worth retrying.
 */
export function isPermanentPublishError(error: unknown): boolean {
  if (error instanceof TypeError || error instanceof RangeError) return true;
  const { code, api_error } = (error ?? {}) as { code?: unknown; api_error?: { err_code?: unknown } };
  if (typeof code === 'string' && PERMANENT_CLIENT_CODES.has(code)) return true;
  return typeof api_error?.err_code === 'number' && PERMANENT_JETSTREAM_CODES.has(api_error.err_code);
}

/** nats.js ErrorCode values for messages it will never send. */
const PERMANENT_CLIENT_CODES = new Set(['MAX_PAYLOAD_EXCEEDED', 'BAD_SUBJECT', 'BAD_HEADER', 'BAD_PAYLOAD']);
/** JetStream: 10054 "message size exceeds maximum allowed" (the stream's max_msg_size). */
const PERMANENT_JETSTREAM_CODES = new Set([10054]);
