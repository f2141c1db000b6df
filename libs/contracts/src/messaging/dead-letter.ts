/** Body of a message on `oncall.dlq.<stream>.<durable>` (stream ONCALL_DEAD_LETTERS): what was given up on, and why. */
export interface DeadLetter {
  /** Stream and durable consumer that gave up, as the contracts name them. */
  stream: string;
  durable: string;
  subject: string;
  /** Where the original still is in its stream (until the stream's max age). */
  streamSequence: number;
  attempts: number;
  /** True when no retry could help (a typed refusal, data the database refuses, an unreadable body). */
  permanent: boolean;
  /** The raw error, for operators; may name internals. */
  error: string;
  /** Why, in a sentence safe to show an organization's managers. */
  reason: string;
  failedAt: string;
  /** The original message as text, cut at DEAD_LETTER_BODY_MAX_CHARS characters. */
  body: string;
  bodyTruncated?: boolean;
}
