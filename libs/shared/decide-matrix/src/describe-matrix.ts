/** The cases of a decide matrix: for each row (a command or input type), each column's cases. */
export type Matrix<Row extends string, Column extends string, Case> = {
  readonly [R in Row]?: { readonly [C in Column]?: readonly Case[] };
};

export interface MatrixSpec<
  Row extends string,
  Column extends string,
  Case extends { readonly name: string },
> {
  readonly rows: readonly Row[];
  readonly columns: readonly Column[];
  readonly matrix: Matrix<Row, Column, Case>;
  /** What rows and columns are called: "the matrix names only known {rows} and {columns}". */
  readonly names: { readonly rows: string; readonly columns: string };
  /** A column's describe title, also said in the missing-cell error: "in phase escalating". */
  readonly columnTitle: (column: Column) => string;
  /** Where a missing cell's cases go, for the error: "engine/cases/". */
  readonly casesFolder: string;
  /** Checks one case of a cell. */
  readonly check: (testCase: Case, row: Row, column: Column) => void;
}

/**
 * Describes a decide matrix as tests: every case of every cell (row × column), and a failing test for
 * each empty cell, so that a new command or status cannot go without an expectation (ADR 0220).
 */
export function describeMatrix<
  Row extends string,
  Column extends string,
  Case extends { readonly name: string },
>(spec: MatrixSpec<Row, Column, Case>): void {
  const { rows, columns, matrix, names, columnTitle } = spec;

  it(`the matrix names only known ${names.rows} and ${names.columns}`, () => {
    expect(rows).toEqual(expect.arrayContaining(Object.keys(matrix)));
    const named = Object.values<Partial<Record<Column, readonly Case[]>> | undefined>(matrix).flatMap((row) =>
      Object.keys(row ?? {}),
    );
    expect(columns).toEqual(expect.arrayContaining(named));
  });

  describe.each(rows)('%s', (row) => {
    describe.each(columns.map((column) => [columnTitle(column), column] as const))('%s', (title, column) => {
      const cell: readonly Case[] = matrix[row]?.[column] ?? [];

      if (cell.length === 0) {
        it('has an expectation', () => {
          throw new Error(`No expectation for ${row} ${title}: add one in ${spec.casesFolder}.`);
        });
        return;
      }

      it.each(cell.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
        spec.check(testCase, row, column);
      });
    });
  });
}
