import type { KeyboardEvent } from 'react';
import type { StatusFilter } from '../api/endpoints';

export const STATUS_TABS: { value: StatusFilter; label: string }[] = [
  { value: 'triggered', label: 'Triggered' },
  { value: 'acknowledged', label: 'Acknowledged' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'all', label: 'All' },
];

interface Props {
  value: StatusFilter;
  onChange: (value: StatusFilter) => void;
  controls: string;
}

/** Status filter as a tab list (arrow keys move between tabs). */
export function StatusTabs({ value, onChange, controls }: Props) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const index = STATUS_TABS.findIndex((tab) => tab.value === value);
    const next = STATUS_TABS[(index + step + STATUS_TABS.length) % STATUS_TABS.length];
    onChange(next.value);
    event.currentTarget.querySelector<HTMLButtonElement>(`[data-value="${next.value}"]`)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label="Incident status" onKeyDown={onKeyDown}>
      {STATUS_TABS.map((tab) => (
        <button
          key={tab.value}
          type="button"
          role="tab"
          data-value={tab.value}
          aria-selected={tab.value === value}
          aria-controls={controls}
          tabIndex={tab.value === value ? 0 : -1}
          onClick={() => onChange(tab.value)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
