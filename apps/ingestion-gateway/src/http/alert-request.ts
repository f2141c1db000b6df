import { IncomingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';

/** What a use case needs of an alert request, whatever serves HTTP. */
export interface AlertRequest {
  /** The sender's address (behind trusted proxies, from X-Forwarded-For): per-source limits. */
  source: string;
  correlationId: string;
  headers: IncomingHttpHeaders;
  /** The body, not read yet: read only once the sender is known (ADR 0132). */
  body: Readable;
}

/** 202: the alert is stored in JetStream and will be processed. */
export interface AlertAccepted {
  status: 'accepted';
  dedupKey: string;
  alertId: string;
  /** `record`: kept and shown, paging no one (ADR 0170); with the reason. Absent: `page`. */
  disposition?: 'page' | 'record';
  recordReason?: string;
}
