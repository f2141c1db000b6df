/** A client of the directory with the ids other tools know it by (ClientState in the contracts). */
export interface ClientIds {
  clientId: string;
  rmmExternalId: string | null;
  psaExternalId: string | null;
}

/**
 * Finds our client from the id a tool sent (`client` on the alert): our own id first, then the RMM's,
 * then the PSA's. When two clients share an id at the same level the answer is null: routing by a guess
 * would page one customer's technician about another customer.
 */
export function clientResolver(
  clients: readonly ClientIds[],
): (sourceClient: string | undefined) => string | null {
  const levels = [
    indexBy(clients, (client) => client.clientId),
    indexBy(clients, (client) => client.rmmExternalId),
    indexBy(clients, (client) => client.psaExternalId),
  ];
  return (sourceClient) => {
    if (sourceClient === undefined) return null;
    for (const level of levels) {
      const found = level.get(sourceClient);
      if (found !== undefined) return found;
    }
    return null;
  };
}

/** id → clientId, with null for an id two clients share. */
function indexBy(
  clients: readonly ClientIds[],
  idOf: (client: ClientIds) => string | null,
): Map<string, string | null> {
  const index = new Map<string, string | null>();
  for (const client of clients) {
    const id = idOf(client);
    if (id === null) continue;
    index.set(id, index.has(id) && index.get(id) !== client.clientId ? null : client.clientId);
  }
  return index;
}
