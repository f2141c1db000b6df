import { ApiProblem, problemOf, toProblem, withApiProblem } from './problem';

describe('API problems', () => {
  it('keeps the detail, code and field errors of a problem+json answer', () => {
    const problem = toProblem(409, 'Conflict', {
      type: 'https://oncall.dev/problems/conflict',
      title: 'Conflict',
      status: 409,
      detail: 'The incident changed since version 2 (now 3)',
      code: 'CONFLICT',
    });
    expect(problem).toBeInstanceOf(ApiProblem);
    expect([problem.status, problem.title, problem.detail, problem.code]).toEqual([
      409,
      'Conflict',
      'The incident changed since version 2 (now 3)',
      'CONFLICT',
    ]);
    const invalid = toProblem(400, 'Bad Request', {
      title: 'Invalid request',
      detail: 'text should not be empty',
      errors: [{ field: 'text', message: 'should not be empty' }, { nonsense: true }],
    });
    expect(invalid.errors).toEqual([{ field: 'text', message: 'should not be empty' }]);
  });

  it('makes a readable problem of an answer that is not problem+json', () => {
    expect(toProblem(502, 'Bad Gateway', '<html>upstream down</html>').detail).toBe(
      '<html>upstream down</html>',
    );
    expect(toProblem(500, '', undefined).detail).toBe('The server answered 500.');
    expect(toProblem(503, 'Service Unavailable', { title: 'Service unavailable' }).detail).toBe(
      'Service unavailable',
    );
  });

  it('turns a network failure into a problem', () => {
    const problem = problemOf(new TypeError('Failed to fetch'));
    expect([problem.status, problem.detail]).toEqual([0, 'The API could not be reached (Failed to fetch).']);
    const known = new ApiProblem(404, 'Not found', 'No incident b1');
    expect(problemOf(known)).toBe(known);
  });

  it('answers what a call answers, and throws its failure as the problem to show', async () => {
    await expect(withApiProblem(() => Promise.resolve('saved'))).resolves.toBe('saved');
    const known = new ApiProblem(409, 'Conflict', 'The policy changed');
    await expect(withApiProblem(() => Promise.reject(known))).rejects.toBe(known);
    await expect(
      withApiProblem(() => Promise.reject(new TypeError('Failed to fetch'))),
    ).rejects.toMatchObject({
      status: 0,
      detail: 'The API could not be reached (Failed to fetch).',
    });
  });
});
