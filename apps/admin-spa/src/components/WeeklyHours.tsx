import type { ReactNode } from 'react';
import type { DraftForm } from './draft-form';
import { TextField } from './TextField';
import { WeekdayPicker } from './WeekdayPicker';

/** Days of the week and the hours on them, as typed. */
export interface WeeklyHoursDraft {
  days: number[];
  start: string;
  end: string;
  timeZone: string;
}

interface Props {
  /** The form whose draft holds the hours. */
  form: DraftForm<WeeklyHoursDraft>;
  /** Where the API reports the hours' problems (`window`: `window.start`, ...). */
  problemPath: string;
  /** The days' legend ("Starting on", "Support days"). */
  legend: string;
  /** More fields on the hours' row. */
  children?: ReactNode;
}

/**
 * Weekdays, then From (HH:mm), To (HH:mm) and Time zone on one row: a maintenance window's weekly repeat,
 * a service's support hours. The fields are the form's `${id}-start`, `${id}-end` and `${id}-timeZone`.
 */
export function WeeklyHours({ form, problemPath, legend, children }: Props) {
  const text = (field: 'start' | 'end' | 'timeZone', label: string) => (
    <TextField {...form.field(field, `${problemPath}.${field}`)} label={label} />
  );
  return (
    <>
      <WeekdayPicker
        id={form.id}
        legend={legend}
        days={form.draft.days}
        problem={form.message(`${problemPath}.days`)}
        onChange={(days) => form.set({ days })}
      />
      <div className="field-row">
        {text('start', 'From (HH:mm)')}
        {text('end', 'To (HH:mm)')}
        {text('timeZone', 'Time zone')}
        {children}
      </div>
    </>
  );
}
