// Shapes of admin-api's answers. Types only: nothing from libs/ reaches the browser bundle.
import type { UserView } from '@oncall/contracts';

export type {
  AlertHistoryPage,
  CursorPage,
  IncidentAlertView,
  IncidentCommandResult,
  IncidentDetail,
  IncidentNote,
  IncidentPage,
  IncidentStatusName,
  IncidentSummary,
  OnCallNowView,
  PsaConnectionState,
  TicketRequestView,
  TimelineEntry,
} from '@oncall/contracts';

export type Role = UserView['role'];

/** GET /api/v1/me: the caller as admin-api's UserView. */
export type Me = UserView;

/** A person of the directory, for names (GET /api/v1/users). */
export interface Person {
  id: string;
  name: string;
  email: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A service of the directory, for names (GET /api/v1/services). */
export interface ServiceRef {
  id: string;
  name: string;
}

/** POST /api/v1/live/tickets: good for one connection to the live stream, until `expiresAt`. */
export interface LiveTicket {
  ticket: string;
  expiresAt: string;
}
