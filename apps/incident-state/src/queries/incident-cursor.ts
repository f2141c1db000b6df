import { RpcError } from '@oncall/platform-messaging';

/** Keyset position in the incident list: (triggered_at, id) of the last row of the previous page. */
export interface IncidentCursor {
  triggeredAt: string;
  id: string;
}

export function encodeCursor(cursor: IncidentCursor): string {
  return Buffer.from(JSON.stringify([cursor.triggeredAt, cursor.id])).toString('base64url');
}

export function decodeCursor(value: string): IncidentCursor {
  try {
    const [triggeredAt, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as [
      string,
      string,
    ];
    if (typeof triggeredAt !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(triggeredAt))) {
      throw new Error('shape');
    }
    return { triggeredAt, id };
  } catch {
    throw new RpcError(
      'VALIDATION_FAILED',
      'cursor is not a cursor returned by this API; start again without it.',
      {
        field: 'cursor',
      },
    );
  }
}
