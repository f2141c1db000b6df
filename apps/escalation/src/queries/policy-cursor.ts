import { validationFailed } from '../policies/policy-requests';

/** Opaque list cursor: the last row's created_at (to the microsecond) and id. */
export function encodePolicyCursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');
}

export function decodePolicyCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/.test(id)) throw new Error('shape');
    return { createdAt, id };
  } catch {
    throw validationFailed([
      { path: 'cursor', message: 'is not one this API returned; start again without it' },
    ]);
  }
}
