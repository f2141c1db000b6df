/**
 * When a service's incidents get a PSA ticket (ADR 0161): when they trigger, when someone acknowledges
 * them (the default: a ticket per incident a person took on, not per alert storm), or never (a person
 * may still ask for one).
 */
export const TICKET_MODES = ['on-trigger', 'on-acknowledge', 'never'] as const;
export type TicketMode = (typeof TICKET_MODES)[number];
export const DEFAULT_TICKET_MODE: TicketMode = 'on-acknowledge';
