/**
 * A link handed out: the configured public base URL and the path, or the path alone when no base URL is
 * configured. Never built from the request's Host (or X-Forwarded-Host) header, which any caller can set:
 * an attacker's host in an alert URL or a calendar link would collect keys and tokens (issue 8, item 9).
 */
export function joinPublicUrl(base: string | undefined, path: string): string {
  return base ? `${base.replace(/\/+$/, '')}${path}` : path;
}
