/**
 * Local copies ("state replicas"): the owner of a resource publishes its current view, in the transaction
 * that changed it (outbox), to `oncall.state.<context>.<resourceType>.<resourceToken>` on ONCALL_STATE.
 * The stream keeps the last message per subject and nothing expires, so a consumer rebuilds its whole copy
 * at start from the stream alone, whether or not the owner is up (ADR 0120).
 */
export interface StateRecord<TView = unknown> {
  resourceType: string;
  orgId: string;
  resourceId: string;
  /** True once the resource is gone; `view` is then null. A tombstone stays so a rebuild forgets it too. */
  deleted: boolean;
  view: TView | null;
  /** When the owner wrote it (informative; order is the stream's). */
  publishedAt: string;
}

export const STATE_SUBJECT_ROOT = 'oncall.state';

/** The subject holding one resource's latest view. */
export function stateSubject(context: string, resourceType: string, resourceId: string): string {
  return `${STATE_SUBJECT_ROOT}.${context}.${resourceType}.${subjectToken(resourceId)}`;
}

/** Every resource of one type. */
export function stateSubjectFilter(context: string, resourceType: string): string {
  return `${STATE_SUBJECT_ROOT}.${context}.${resourceType}.>`;
}

const SAFE_TOKEN = /^[A-Za-z0-9_-]{1,200}$/;

/**
 * One subject token for any id: safe ids (UUIDs, slugs) as they are, anything else base64url-encoded behind
 * a `~` (NATS tokens may not hold dots, wildcards or whitespace).
 */
export function subjectToken(id: string): string {
  return SAFE_TOKEN.test(id) ? id : `~${base64Url(id)}`;
}

// Without Buffer: contracts are also read by the browser app.
function base64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
