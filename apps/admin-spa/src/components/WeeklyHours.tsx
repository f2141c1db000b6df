import type { ReactNode } from 'react';
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
  id: string;
  /** The days' legend ("Starting on", "Support days"). */
  legend: string;
  hours: WeeklyHoursDraft;
  /** The problem of one of the fields (the check's, else the API's under the form's own field path). */
  problem: (field: keyof WeeklyHoursDraft) => string | undefined;
  onChange: (change: Partial<WeeklyHoursDraft>) => void;
  /** More fields on the hours' row. */
  children?: ReactNode;
}

/**
 * Weekdays, then From (HH:mm), To (HH:mm) and Time zone on one row: a maintenance window's weekly repeat,
 * a service's support hours. The fields are `${id}-start`, `${id}-end` and `${id}-timeZone`.
 */
export function WeeklyHours({ id, legend, hours, problem, onChange, children }: Props) {
  const text = (field: 'start' | 'end' | 'timeZone', label: string) => (
    <TextField
      id={`${id}-${field}`}
      label={label}
      value={hours[field]}
      problem={problem(field)}
      onChange={(value) => onChange({ [field]: value })}
    />
  );
  return (
    <>
      <WeekdayPicker
        id={id}
        legend={legend}
        days={hours.days}
        problem={problem('days')}
        onChange={(days) => onChange({ days })}
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
