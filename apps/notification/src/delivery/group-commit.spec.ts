import { GroupCommit } from './group-commit';

/** A write that waits until the test lets it finish, recording the groups it was given. */
function gatedWrites() {
  const groups: number[][] = [];
  const gates: (() => void)[] = [];
  const write = (items: readonly number[]) => {
    groups.push([...items]);
    return new Promise<void>((resolve) => gates.push(resolve));
  };
  return { groups, gates, write };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('writes the items added in one tick together, at the end of that tick', async () => {
    const { groups, gates, write } = gatedWrites();
    const commit = new GroupCommit(write);
    const added = [commit.add(1), commit.add(2), commit.add(3)];
    expect(groups).toEqual([]);
    await tick();
    expect(groups).toEqual([[1, 2, 3]]);
    gates[0]();
    await Promise.all(added);
  });

  it('settles an item with its own group, not after later items; items added meanwhile form the next write', async () => {
    const { groups, gates, write } = gatedWrites();
    const commit = new GroupCommit(write);
    let firstDone = false;
    const first = commit.add(1).then(() => (firstDone = true));
    await tick();
    const second = commit.add(2);
    const third = commit.add(3);
    expect(groups).toEqual([[1]]);
    gates[0]();
    await first;
    expect(firstDone).toBe(true);
    await tick();
    expect(groups).toEqual([[1], [2, 3]]);
    gates[1]();
    await Promise.all([second, third]);
  });

  it('rejects only the group whose write failed, and goes on writing the next ones', async () => {
    let calls = 0;
    const commit = new GroupCommit<number>(async () => {
      calls += 1;
      if (calls === 1) throw new Error('database down');
    });
    const failed = commit.add(1);
    await expect(failed).rejects.toThrow('database down');
    await expect(commit.add(2)).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });
});
