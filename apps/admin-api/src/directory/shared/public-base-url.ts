import type { Request } from 'express';

/**
 * The origin people and machines reach On-Call on, for the links the API hands out (alert URLs of
 * integrations, calendar links): PUBLIC_URL when configured, else the origin the caller reached the API on.
 */
export function publicBaseUrl(publicUrl: string | undefined, request: Request): string {
  return (publicUrl ?? `${request.protocol}://${request.get('host')}`).replace(/\/+$/, '');
}
