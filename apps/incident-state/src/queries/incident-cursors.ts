import { cursorCodec } from '@oncall/contracts';

/** One incident's alerts: position of the last alert of the previous page (newest first). */
export const alertsCursor = cursorCodec('incident-alerts', ['integer'] as const);
/** One incident's timeline, and its notes: version of the last entry of the previous page. */
export const timelineCursor = cursorCodec('incident-timeline', ['integer'] as const);
export const notesCursor = cursorCodec('incident-notes', ['integer'] as const);
