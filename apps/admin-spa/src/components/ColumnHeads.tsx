export interface Column {
  label: string;
  /** Right-aligned, as its numbers are. */
  numeric?: boolean;
  /** Named for screen readers only: a column of buttons or links. */
  hidden?: boolean;
}

/** A table's head: one row of column headers, a string for a plain column, `false` for one left out. */
export function ColumnHeads({ columns }: { columns: readonly (string | Column | false)[] }) {
  return (
    <thead>
      <tr>
        {columns
          .filter((column) => column !== false)
          .map((column) => (typeof column === 'string' ? { label: column } : column))
          .map(({ label, numeric, hidden }) => (
            <th key={label} scope="col" className={numeric ? 'numeric' : undefined}>
              {hidden ? <span className="visually-hidden">{label}</span> : label}
            </th>
          ))}
      </tr>
    </thead>
  );
}
