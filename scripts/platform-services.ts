/** Every backend service and the port it listens on when the platform runs on one machine. */
export const PLATFORM_SERVICES = [
  { name: 'admin-api', port: 3000 },
  { name: 'ingestion-gateway', port: 3001 },
  { name: 'dedup-grouping', port: 3002 },
  { name: 'incident-state', port: 3003 },
  { name: 'escalation', port: 3004 },
  { name: 'scheduling', port: 3005 },
  { name: 'notification', port: 3006 },
  { name: 'psa-sync', port: 3007 },
  { name: 'reporting', port: 3008 },
] as const;

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/oncall';
export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';
