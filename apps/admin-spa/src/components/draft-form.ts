/** The keys of a draft that hold text: what a TextField or SelectField edits. */
export type TextKey<D> = { [K in keyof D]-?: D[K] extends string ? K : never }[keyof D] & string;

/** A form's draft, how to change it, and the problem of one of its fields (the check's, else the API's). */
export interface DraftForm<D> {
  /** The form's id: its fields' ids start with it. */
  id: string;
  draft: D;
  set(change: Partial<D>): void;
  message(field: string): string | undefined;
  /**
   * A TextField's or SelectField's props for one text of the draft: its id (`${id}-${key}`), value and
   * change; with `problemField`, also the problem shown beside it, which makes it a checked field.
   */
  field<K extends TextKey<D>>(
    key: K,
    problemField?: string,
  ): { id: string; value: string; onChange: (value: string) => void; problem?: string | undefined };
}

export function draftForm<D>(
  id: string,
  draft: D,
  set: (change: Partial<D>) => void,
  message: (field: string) => string | undefined,
): DraftForm<D> {
  return {
    id,
    draft,
    set,
    message,
    field: (key, problemField) => ({
      id: `${id}-${key}`,
      value: draft[key] as string,
      onChange: (value) => set({ [key]: value } as Partial<D>),
      ...(problemField === undefined ? {} : { problem: message(problemField) }),
    }),
  };
}
