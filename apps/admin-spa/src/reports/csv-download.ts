import type { ApiClient } from '../api/client';

/**
 * The report as CSV (admin-api's `?format=csv`), saved as a file. Fetched with the session's token (a plain
 * link could not carry it), then handed to the browser as a download.
 */
export async function downloadCsv(client: ApiClient, path: string, fileName: string): Promise<void> {
  const separator = path.includes('?') ? '&' : '?';
  const text = await client.get<string>(`${path}${separator}format=csv`);
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
