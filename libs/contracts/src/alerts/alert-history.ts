import { cursorCodec } from '../paging/page-cursor';
import type { AlertAction, AlertDisposition, CanonicalAlert } from './canonical-alert';

/** How long dedup-grouping keeps each alert it received, raw payload and mapping result (ADR 0174). */
export const ALERT_HISTORY_RETENTION_DAYS = 30;
export const ALERT_HISTORY_PAGE_MAX = 100;
/** Pages of the history are keyed by the row's position (newest first). */
export const alertHistoryCursor = cursorCodec('alert-history', ['bigint'] as const);

/** oncall.qry.dedup.alert-history: one organization's alert history, newest first. */
export interface AlertHistoryQuery {
  /** The alerts of one incident (opened it, repeated, acknowledged or resolved it). */
  incidentId?: string;
  /** Only the alerts recorded without paging. */
  disposition?: AlertDisposition;
  cursor?: string;
  limit?: number;
}

export interface AlertHistoryEntry {
  alertId: string;
  /** The incident the alert opened or acted on; null for recorded and dropped alerts. */
  incidentId: string | null;
  disposition: AlertDisposition;
  recordReason?: string;
  /** The service the correlator routed a trigger to, and the routing rule taken (null: the default). */
  routedTo?: { serviceId: string; ruleId: string | null };
  action: AlertAction;
  /** When the correlator stored it. */
  storedAt: string;
  /** The mapping result: the canonical alert (without `raw`). */
  alert: Omit<CanonicalAlert, 'raw'>;
  /** What the sender posted; absent for alerts from before raw payloads were kept. */
  raw?: unknown;
}

export interface AlertHistoryPage {
  items: AlertHistoryEntry[];
  nextCursor: string | null;
}
