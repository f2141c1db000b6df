/**
 * The list with its item at `index` replaced by `item`, or left out when `item` is null: what an editor's
 * row (a policy's step, a schedule's layer, a layer's restriction) changing or being removed makes of it.
 */
export function withItemAt<T>(items: readonly T[], index: number, item: T | null): T[] {
  return item === null
    ? items.filter((_, i) => i !== index)
    : items.map((old, i) => (i === index ? item : old));
}
