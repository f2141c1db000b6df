import type { ListRule } from './input-checks';
import { checkList } from './input-checks';

const rule: ListRule<number> = {
  listOf: 'whole numbers',
  entries: 'numbers',
  maxEntries: 3,
  checkEntry: (entry) => (typeof entry === 'number' ? entry : NaN),
  keyOf: (entry) => (Number.isNaN(entry) ? undefined : String(entry)),
  repeats: (earlierPath, entry) => `repeats ${entry} at ${earlierPath}`,
};

function problemsOf(value: unknown): { read: number[]; problems: string[] } {
  const problems: string[] = [];
  const read = checkList(value, 'steps', rule, (path, message) => problems.push(`${path} ${message}`));
  return { read, problems };
}

describe('checkList', () => {
  it('reads a list within bounds without a problem', () => {
    expect(problemsOf([1, 2, 3])).toEqual({ read: [1, 2, 3], problems: [] });
  });

  it('refuses what is not a list, naming what it must be', () => {
    expect(problemsOf({ 0: 1 })).toEqual({ read: [], problems: ['steps must be a list of whole numbers'] });
  });

  it.each([
    [[], 0],
    [[1, 2, 3, 4], 4],
  ])('refuses %j: the count is outside 1 to the maximum', (value, count) => {
    expect(problemsOf(value).problems).toEqual([`steps must list 1 to 3 numbers, got ${count}`]);
  });

  it('reports a repeat at the later entry, naming the earlier one, and still reads every entry', () => {
    expect(problemsOf([7, 'x', 7])).toEqual({
      read: [7, NaN, 7],
      problems: ['steps[2] repeats 7 at steps[0]'],
    });
  });
});
