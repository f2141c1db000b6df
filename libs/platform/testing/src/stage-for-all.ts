/** What a test file starts once and closes at the end: a platform stage and what goes with it. */
export interface Closable {
  close(): Promise<void>;
}

/**
 * Starts a stage before the tests of the enclosing describe block and closes it after them (if it
 * started). The answer stands for the started stage in the tests: its properties and methods are the
 * stage's. Read before the stage started (outside a test or hook), it throws.
 */
export function stageForAll<T extends Closable>(start: () => Promise<T>, timeoutMs = 60_000): T {
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
  }, timeoutMs);
  afterAll(() => started?.close());
  return new Proxy({} as T, {
    get(_, property) {
      if (!started) throw new Error(`stage.${String(property)} read before the stage started`);
      const value: unknown = Reflect.get(started, property, started);
      return typeof value === 'function' ? value.bind(started) : value;
    },
  });
}
