import { DataSource, EntityManager } from 'typeorm';
import { transactionRefusingDuplicates } from './transaction-refusing-duplicates';

const tx = {} as EntityManager;
/** A data source whose transactions run the work, then fail as PostgreSQL would at commit. */
const failingWith = (error: unknown) =>
  ({
    transaction: <T>(work: (manager: EntityManager) => Promise<T>): Promise<T> =>
      work(tx).then(() => Promise.reject(error)),
  }) as unknown as DataSource;
const uniqueViolation = (constraint: string) => ({ code: '23505', severity: 'ERROR', constraint });
const refusal = () => new Error('taken');

describe('transactionRefusingDuplicates', () => {
  it('answers what the work returns', async () => {
    const dataSource = {
      transaction: <T>(work: (manager: EntityManager) => Promise<T>) => work(tx),
    } as unknown as DataSource;
    await expect(transactionRefusingDuplicates(dataSource, async () => 42, refusal)).resolves.toBe(42);
  });

  it('throws the refusal for a unique violation, of the named constraint when one is named', async () => {
    const error = uniqueViolation('names_per_org');
    await expect(transactionRefusingDuplicates(failingWith(error), async () => 1, refusal)).rejects.toThrow(
      'taken',
    );
    await expect(
      transactionRefusingDuplicates(failingWith(error), async () => 1, refusal, 'names_per_org'),
    ).rejects.toThrow('taken');
    await expect(
      transactionRefusingDuplicates(
        failingWith({ driverError: error }),
        async () => 1,
        refusal,
        'names_per_org',
      ),
    ).rejects.toThrow('taken');
  });

  it('rethrows anything else, another constraint included', async () => {
    const other = uniqueViolation('ids');
    await expect(
      transactionRefusingDuplicates(failingWith(other), async () => 1, refusal, 'names_per_org'),
    ).rejects.toBe(other);
    const broken = new Error('connection lost');
    await expect(transactionRefusingDuplicates(failingWith(broken), async () => 1, refusal)).rejects.toBe(
      broken,
    );
  });
});
