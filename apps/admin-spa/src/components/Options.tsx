import type { ReactNode } from 'react';

interface Props<T> {
  /** The first choice, of value "" (e.g. "Any client", "None"). */
  blank: string;
  items: readonly T[] | undefined;
  option: (item: T) => { value: string; label: ReactNode };
}

/** The option of a thing the directory names: its id, shown by its name. */
export const byName = (item: { id: string; name: string }) => ({ value: item.id, label: item.name });

/** The option of a value that reads as itself (a severity, a resource type). */
export const asItself = (value: string) => ({ value, label: value });

/** A select's options: the blank choice, then one per item (none while the items are loading). */
export function Options<T>({ blank, items, option }: Props<T>) {
  return (
    <>
      <option value="">{blank}</option>
      {items?.map(option).map(({ value, label }) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </>
  );
}

/** One option per key of a table of labels (a type's values and how each reads), in the table's order. */
export function LabelledOptions<K extends string>({ labels }: { labels: Record<K, string> }) {
  return (
    <>
      {(Object.keys(labels) as K[]).map((key) => (
        <option key={key} value={key}>
          {labels[key]}
        </option>
      ))}
    </>
  );
}
