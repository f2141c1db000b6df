/**
 * The rows in the order they may be sent: wave n holds the n-th row of each ordering key, in id order. A
 * row without a key could belong with any other, so a batch holding one is sent one row a wave.
 */
export function publishingWaves<Row extends { ordering_key: string | null }>(rows: readonly Row[]): Row[][] {
  if (rows.some((row) => row.ordering_key === null)) return rows.map((row) => [row]);
  const waves: Row[][] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const key = String(row.ordering_key);
    const wave = seen.get(key) ?? 0;
    seen.set(key, wave + 1);
    (waves[wave] ??= []).push(row);
  }
  return waves;
}
