import type { Request } from 'express';

/** Where alerts are posted: PUBLIC_URL when configured, else the origin the caller reached the API on. */
export function alertUrlBase(publicUrl: string | undefined, request: Request): string {
  return (publicUrl ?? `${request.protocol}://${request.get('host')}`).replace(/\/+$/, '');
}

export function alertUrlFor(base: string, type: string, key: string): string {
  return `${base}/v1/alerts/${type}/${key}`;
}
