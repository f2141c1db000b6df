import { publishingWaves } from './publishing-waves';

const row = (id: string, key: string | null) => ({ id, ordering_key: key });
const ids = (waves: { id: string }[][]) => waves.map((wave) => wave.map((r) => r.id));

describe('publishingWaves', () => {
  it('sends the next message of every key together, each key in the order written', () => {
    const rows = [row('1', 'a'), row('2', 'b'), row('3', 'a'), row('4', 'c'), row('5', 'a'), row('6', 'b')];
    expect(ids(publishingWaves(rows))).toEqual([['1', '2', '4'], ['3', '6'], ['5']]);
  });

  it('sends a batch holding a row without a key one row at a time, as written', () => {
    const rows = [row('1', 'a'), row('2', null), row('3', 'b')];
    expect(ids(publishingWaves(rows))).toEqual([['1'], ['2'], ['3']]);
  });

  it('has no wave for no rows', () => {
    expect(publishingWaves([])).toEqual([]);
  });
});
