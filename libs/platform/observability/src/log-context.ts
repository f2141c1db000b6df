import { AsyncLocalStorage } from 'node:async_hooks';

/** Fields attached to every log line written while a message or request is handled. */
export interface LogContext {
  orgId?: string | null;
  correlationId?: string;
  causationId?: string | null;
  subject?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

export function runWithLogContext<T>(context: LogContext, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, work);
}

export function currentLogContext(): LogContext {
  return storage.getStore() ?? {};
}
