interface Waiting<Input, Output> {
  input: Input;
  key: string;
  resolve(output: Output): void;
  reject(error: unknown): void;
}

/**
 * One statement for the calls of many keys (group commit): a call made while the statement is under way
 * waits and leaves with every other one made meanwhile, so the round trips grow with the load rather than
 * with the alerts. Each caller still waits for its own statement to commit, as it did for one of its own.
 * A key is in a statement once (a later call of the same key waits for the next one). When a shared
 * statement fails, each of its calls is tried alone, so one key's refused data (or a deadlock with another
 * replica) fails only that key's call.
 */
export class SharedStatement<Input, Output> {
  private waiting: Waiting<Input, Output>[] = [];
  private running = false;

  constructor(
    /** Runs the statement for `inputs` (distinct keys) and answers their outputs in the same order. */
    private readonly statement: (inputs: readonly Input[]) => Promise<Output[]>,
    private readonly keyOf: (input: Input) => string,
  ) {}

  run(input: Input): Promise<Output> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ input, key: this.keyOf(input), resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.waiting.length > 0) {
      const keys = new Set<string>();
      const next: Waiting<Input, Output>[] = [];
      const later: Waiting<Input, Output>[] = [];
      for (const call of this.waiting) {
        if (keys.has(call.key)) later.push(call);
        else {
          keys.add(call.key);
          next.push(call);
        }
      }
      this.waiting = later;
      await this.perform(next);
    }
    this.running = false;
  }

  private async perform(calls: readonly Waiting<Input, Output>[]): Promise<void> {
    try {
      const outputs = await this.statement(calls.map((call) => call.input));
      calls.forEach((call, i) => call.resolve(outputs[i]));
    } catch (error) {
      if (calls.length === 1) calls[0].reject(error);
      else await Promise.all(calls.map((call) => this.perform([call])));
    }
  }
}
