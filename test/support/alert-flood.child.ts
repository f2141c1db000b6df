/**
 * A flapping monitor in its own process: POSTs COUNT alerts with one dedup key to GATEWAY_URL with
 * CONCURRENCY requests in flight, printing "sent <n>" every 500 alerts and "done <accepted> <refused>" at the end.
 */
async function main(): Promise<void> {
  const { GATEWAY_URL, INTEGRATION_KEY, COUNT, CONCURRENCY } = process.env as Record<string, string>;
  const total = Number(COUNT);
  let sent = 0;
  let accepted = 0;
  let refused = 0;
  const body = JSON.stringify({ summary: 'Ping lost on FW-01', severity: 'critical', source: 'rmm', dedupKey: 'fw-01-ping' }); // prettier-ignore
  const worker = async () => {
    while (sent < total) {
      sent++;
      if (sent % 500 === 0) process.stdout.write(`sent ${sent}\n`);
      const response = await fetch(`${GATEWAY_URL}/v1/alerts/generic/${INTEGRATION_KEY}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      await response.arrayBuffer();
      if (response.status === 202) accepted++;
      else refused++;
    }
  };
  await Promise.all(Array.from({ length: Number(CONCURRENCY) }, worker));
  process.stdout.write(`done ${accepted} ${refused}\n`);
}

void main();
