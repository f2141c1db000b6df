import { waitFor } from '@oncall/platform-testing';

/**
 * Waits until a gateway running in another process knows an integration key: an empty body is then
 * refused for its content (400) rather than for its key (401). Nothing is published.
 */
export async function untilGatewayKnows(gateway: string, key: string): Promise<void> {
  await waitFor(
    'the gateway to know an integration key',
    async () => {
      const response = await fetch(`${gateway}/v1/alerts/generic/${key}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      await response.arrayBuffer();
      return response.status === 400;
    },
    { timeoutMs: 60_000, intervalMs: 100 },
  );
}
