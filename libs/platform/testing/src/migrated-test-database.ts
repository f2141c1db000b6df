import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createTestDatabase } from './test-database';

/** A database of its own with a data source on it; `close` destroys the data source, then drops the database. */
export interface MigratedTestDatabase {
  url: string;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** A database of its own with a client on it; `close` ends the client, then drops the database. */
export interface ConnectedTestDatabase {
  url: string;
  client: Client;
  close(): Promise<void>;
}

/**
 * A database of its own, migrated by `open` (a service's data source with its schema and migrations, as
 * `openServiceDataSource` opens one).
 */
export async function migratedTestDatabase(
  label: string,
  open: (url: string) => Promise<DataSource>,
): Promise<MigratedTestDatabase> {
  const { url, opened, close } = await openOnTestDatabase(label, open, (dataSource) => dataSource.destroy());
  return { url, dataSource: opened, close };
}

/** A database of its own with one `pg` client connected to it, for tests that ask PostgreSQL itself. */
export async function connectedTestDatabase(label: string): Promise<ConnectedTestDatabase> {
  const connect = async (url: string) => {
    const client = new Client({ connectionString: url });
    await client.connect();
    return client;
  };
  const { url, opened, close } = await openOnTestDatabase(label, connect, (client) => client.end());
  return { url, client: opened, close };
}

/** Creates a database, opens something on it, and answers how to close that and drop the database after. */
async function openOnTestDatabase<T>(
  label: string,
  open: (url: string) => Promise<T>,
  end: (opened: T) => Promise<void>,
): Promise<{ url: string; opened: T; close(): Promise<void> }> {
  const database = await createTestDatabase(label);
  const opened = await open(database.url).catch(async (error: unknown) => {
    await database.drop(); // nothing is left behind when the opening fails
    throw error;
  });
  return {
    url: database.url,
    opened,
    close: async () => {
      await end(opened);
      await database.drop();
    },
  };
}
