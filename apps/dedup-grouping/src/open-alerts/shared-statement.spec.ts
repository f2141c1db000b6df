import { SharedStatement } from './shared-statement';

interface Call {
  key: string;
  value: number;
}

/** A statement that answers each input doubled, refuses the key 'bad', and records what each run carried. */
function recordingStatement() {
  const runs: string[][] = [];
  const held: (() => void)[] = [];
  const statement = new SharedStatement(
    async (inputs: readonly Call[]) => {
      runs.push(inputs.map(({ key }) => key));
      await new Promise<void>((resolve) => held.push(resolve));
      if (inputs.some(({ key }) => key === 'bad')) throw new Error('refused');
      return inputs.map(({ value }) => value * 2);
    },
    ({ key }) => key,
  );
  /** Lets every statement under way end. */
  const release = () => held.splice(0).forEach((resolve) => resolve());
  return { statement, runs, release };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('SharedStatement', () => {
  it('sends the first call at once and the calls made meanwhile together, each answered its own', async () => {
    const { statement, runs, release } = recordingStatement();
    const first = statement.run({ key: 'a', value: 1 });
    const later = [statement.run({ key: 'b', value: 2 }), statement.run({ key: 'c', value: 3 })];
    expect(runs).toEqual([['a']]);
    release();
    await expect(first).resolves.toBe(2);
    await settle();
    expect(runs).toEqual([['a'], ['b', 'c']]);
    release();
    await expect(Promise.all(later)).resolves.toEqual([4, 6]);
  });

  it('puts a key in a statement once: its later call waits for the next one', async () => {
    const { statement, runs, release } = recordingStatement();
    const calls = [statement.run({ key: 'a', value: 1 })];
    calls.push(statement.run({ key: 'b', value: 2 }), statement.run({ key: 'b', value: 5 }));
    for (let i = 0; i < 3; i++) {
      release();
      await settle();
    }
    expect(runs).toEqual([['a'], ['b'], ['b']]);
    await expect(Promise.all(calls)).resolves.toEqual([2, 4, 10]);
  });

  it('tries each call of a failed shared statement alone: only the refused one fails', async () => {
    const { statement, runs, release } = recordingStatement();
    const first = statement.run({ key: 'a', value: 1 });
    const good = statement.run({ key: 'b', value: 2 });
    const bad = statement.run({ key: 'bad', value: 3 }).catch((error: Error) => error.message);
    for (let i = 0; i < 4; i++) {
      release();
      await settle();
    }
    expect(runs).toEqual([['a'], ['b', 'bad'], ['b'], ['bad']]);
    await expect(first).resolves.toBe(2);
    await expect(good).resolves.toBe(4);
    await expect(bad).resolves.toBe('refused');
  });
});
