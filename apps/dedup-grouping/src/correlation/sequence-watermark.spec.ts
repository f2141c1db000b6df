import { SequenceWatermark } from './sequence-watermark';

describe('SequenceWatermark', () => {
  it('moves only past sequences whose predecessors are all done', () => {
    const mark = new SequenceWatermark(10);
    [11, 14, 20, 21].forEach((sequence) => mark.receive(sequence));
    mark.complete(14);
    mark.complete(21);
    expect(mark.value).toBe(10);
    mark.complete(11);
    expect(mark.value).toBe(14);
    mark.complete(20);
    expect([mark.value, mark.inFlight]).toEqual([21, 0]);
  });

  it('keeps memory bounded over a long run', () => {
    const mark = new SequenceWatermark(0);
    for (let sequence = 1; sequence <= 100_000; sequence++) {
      mark.receive(sequence);
      mark.complete(sequence);
    }
    expect([mark.value, mark.inFlight]).toEqual([100_000, 0]);
  });
});
