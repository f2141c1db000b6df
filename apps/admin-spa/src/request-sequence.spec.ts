import { createRequestSequence } from './request-sequence';

describe('request sequence', () => {
  it('keeps only the newest request current, whatever order the answers come in', async () => {
    const sequence = createRequestSequence();
    const shown: string[] = [];
    const load = (answer: string, ms: number) => {
      const isNewest = sequence.begin();
      return new Promise<void>((resolve) =>
        setTimeout(() => {
          if (isNewest()) shown.push(answer);
          resolve();
        }, ms),
      );
    };
    // The older request answers last, with what was true before: it must not replace the newer answer.
    await Promise.all([load('version 1', 30), load('version 2', 5)]);
    expect(shown).toEqual(['version 2']);
  });

  it('keeps a lone request current', () => {
    const isNewest = createRequestSequence().begin();
    expect(isNewest()).toBe(true);
  });
});
