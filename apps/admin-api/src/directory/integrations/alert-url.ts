/** Where a source posts its alerts: the public base URL (`publicBaseUrl`), the integration's type and key. */
export function alertUrlFor(base: string, type: string, key: string): string {
  return `${base}/v1/alerts/${type}/${key}`;
}
