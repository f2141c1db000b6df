/** transient: the same message may go through later; permanent: retrying it cannot help. */
export type FailureKind = 'transient' | 'permanent';

export interface DeliveryFailure {
  readonly kind: FailureKind;
  /** Stable, short, for the delivery log: 'smtp-temporary-refusal', 'http-server-error', … */
  readonly reason: string;
}

/** What a failed SMTP attempt tells: the server's reply code, or nodemailer's error code when there was none. */
export interface SmtpFailureFacts {
  readonly responseCode?: number;
  readonly errorCode?: string;
}

/** What a failed HTTP attempt tells: the status, or the error code of a request that got no answer. */
export interface HttpFailureFacts {
  readonly status?: number;
  readonly errorCode?: string;
}

// Authentication replies (RFC 4954) are refusals of our relay account, not of the message: once an
// operator fixes the credentials the same message goes through, so they are retried.
const SMTP_AUTHENTICATION_CODES = [530, 534, 535, 538];
// 503 "bad sequence of commands" follows an earlier hiccup in the session, not a verdict on the message.
const SMTP_RETRYABLE_5XX_CODES = [503];
const SMTP_TIMEOUT_CODES = ['ETIMEDOUT'];
const SMTP_AUTHENTICATION_ERRORS = ['EAUTH', 'ENOAUTH', 'EOAUTH2'];
const HTTP_TIMEOUT_ERRORS = ['TimeoutError', 'AbortError', 'ETIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT'];

export function classifySmtpFailure({ responseCode, errorCode }: SmtpFailureFacts): DeliveryFailure {
  if (responseCode !== undefined && responseCode >= 400 && responseCode < 600) {
    if (SMTP_AUTHENTICATION_CODES.includes(responseCode)) return transient('smtp-authentication');
    const retryable = responseCode < 500 || SMTP_RETRYABLE_5XX_CODES.includes(responseCode);
    return retryable ? transient('smtp-temporary-refusal') : permanent('smtp-permanent-refusal');
  }
  if (errorCode && SMTP_AUTHENTICATION_ERRORS.includes(errorCode)) return transient('smtp-authentication');
  if (errorCode && SMTP_TIMEOUT_CODES.includes(errorCode)) return transient('smtp-timeout');
  // No recipient or sender nodemailer could use: the message itself is wrong.
  if (errorCode === 'EENVELOPE') return permanent('smtp-invalid-envelope');
  return transient('smtp-unreachable');
}

/**
 * 408, 425, 429 and 5xx may pass later; another 4xx means the request or the destination is wrong
 * (Slack: 400 invalid_payload, 403 invalid_token, 404 no_service, 410 channel_is_archived). Redirects
 * are not followed (the stored URL is the one that was checked), so a 3xx is permanent too.
 */
export function classifyHttpFailure({ status, errorCode }: HttpFailureFacts): DeliveryFailure {
  if (status === undefined) {
    return errorCode && HTTP_TIMEOUT_ERRORS.includes(errorCode)
      ? transient('http-timeout')
      : transient('http-unreachable');
  }
  if (status >= 200 && status < 300) throw new RangeError(`HTTP ${status} is a success, not a failure`);
  if (status === 408 || status === 425 || status === 429) return transient('http-throttled');
  if (status >= 500) return transient('http-server-error');
  if (status >= 300 && status < 400) return permanent('http-redirect');
  return permanent('http-refused');
}

function transient(reason: string): DeliveryFailure {
  return { kind: 'transient', reason };
}

function permanent(reason: string): DeliveryFailure {
  return { kind: 'permanent', reason };
}
