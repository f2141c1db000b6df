import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import { problemOf } from '../api/problem';
import type { CoverageGapView } from '@oncall/contracts';
import { canConfigure } from '../auth/permissions';
import { ProblemMessage } from '../components/ProblemMessage';
import { browserTimeZone } from '../format/time';
import { useSession } from '../session-context';
import { type CalendarEntry } from './ScheduleCalendar';
import ScheduleCalendar from './ScheduleCalendar';
import {
  layerShifts,
  type NamedShift,
  type OverrideView,
  type ScheduleView,
  WEEKDAYS,
} from './schedule-draft';
import { OverrideForm } from './OverrideForm';
import { OverridesList } from './OverridesList';
import { addDays, mondayOf, shortWhen, weekWindow } from './when';

interface Props {
  schedule: ScheduleView;
  onEdit?: () => void;
}

const PHONE = '(max-width: 640px)';
/** Layers are rendered beyond the week so that a turn's label names its real start and end. */
const LAYER_MARGIN_MS = 14 * 86_400_000;

/** One schedule: its layers, a week of the final schedule with each layer beside it, gaps and overrides. */
export function ScheduleDetail({ schedule, onEdit }: Props) {
  const { api, me, role, people, timeZone: profileZone } = useSession();
  const zone = profileZone ?? browserTimeZone();
  const id = useId();
  const [monday, setMonday] = useState(() => mondayOf(new Date(), zone));
  const week = weekWindow(monday, zone);
  const range = `from=${encodeURIComponent(week.from)}&to=${encodeURIComponent(week.to)}`;
  const base = `/api/v1/schedules/${schedule.id}`;
  const shifts = useQuery({
    queryKey: ['schedule', schedule.id, schedule.version, 'shifts', monday],
    queryFn: () => api.client.get<{ shifts: NamedShift[] }>(`${base}/shifts?${range}`),
  });
  const overrides = useQuery({
    queryKey: ['schedule', schedule.id, schedule.version, 'overrides', monday],
    queryFn: () => api.client.get<{ items: OverrideView[] }>(`${base}/overrides?${range}`),
  });
  const gaps = useQuery({
    queryKey: ['schedule', schedule.id, schedule.version, 'gaps'],
    queryFn: () =>
      api.client.get<{ items: CoverageGapView[] }>(`/api/v1/coverage-gaps?scheduleId=${schedule.id}`),
    // Scheduling rescans a schedule shortly after each change: a gap a save opened shows up by itself.
    refetchInterval: 15_000,
  });
  const [hiddenLayers, setHiddenLayers] = useState<ReadonlySet<string>>(new Set());
  const [proposal, setProposal] = useState<{ start: string; end: string } | null>(null);
  const phone = useMediaQuery(PHONE);
  const nameOf = (userId: string) => people.get(userId) ?? (userId === me.id ? me.name : 'Unknown person');
  const layerIndex = new Map(schedule.layers.map((layer, index) => [layer.id, index]));

  const entries = useMemo<CalendarEntry[]>(() => {
    const out: CalendarEntry[] = [];
    const when = (start: string, end: string) => `${shortWhen(start, zone)} – ${shortWhen(end, zone)}`;
    for (const shift of shifts.data?.shifts ?? []) {
      const name = shift.userName ?? nameOf(shift.userId);
      const override = shift.source.kind === 'override';
      const index = shift.source.kind === 'layer' ? (layerIndex.get(shift.source.layerId) ?? 0) : 0;
      out.push({
        id: `final-${shift.start}`,
        start: shift.start,
        end: shift.end,
        title: override ? `${name} (override)` : name,
        label: `${override ? 'Override' : 'Final schedule'}: ${name}, ${when(shift.start, shift.end)}`,
        className: override ? 'shift-override' : `shift-final shift-layer-${index % 4}`,
      });
    }
    schedule.layers.forEach((layer, index) => {
      if (hiddenLayers.has(layer.id)) return;
      for (const shift of layerShifts(
        schedule,
        index,
        new Date(Date.parse(week.from) - LAYER_MARGIN_MS),
        new Date(Date.parse(week.to) + LAYER_MARGIN_MS),
      )) {
        const name = nameOf(shift.userId);
        out.push({
          id: `layer-${layer.id}-${shift.start}`,
          start: shift.start,
          end: shift.end,
          title: `${layer.name}: ${name}`,
          label: `${layer.name}: ${name}, ${when(shift.start, shift.end)}`,
          className: `shift-lane shift-layer-${index % 4}`,
        });
      }
    });
    for (const gap of gaps.data?.items ?? []) {
      out.push({
        id: `gap-${gap.start}`,
        start: gap.start,
        end: gap.end,
        title: 'Nobody on call',
        label: `Coverage gap: nobody on call, ${when(gap.start, gap.end)}`,
        className: 'shift-gap',
        background: true,
      });
    }
    return out;
  }, [shifts.data, gaps.data, schedule, hiddenLayers, zone, monday, people]);

  return (
    <section className="card schedule-detail" aria-labelledby={`${id}-title`}>
      <div className="page-head">
        <h2 id={`${id}-title`}>{schedule.name}</h2>
        {onEdit && (
          <button type="button" onClick={onEdit}>
            Edit schedule
          </button>
        )}
      </div>
      {schedule.description && <p>{schedule.description}</p>}
      <p className="muted zone-note">
        Times are in your zone, {zone}.
        {schedule.timeZone !== zone && ` This schedule hands off in ${schedule.timeZone}.`}
      </p>

      <h3>Layers</h3>
      <p className="muted">A later layer wins wherever it has someone; overrides win over all layers.</p>
      <ol className="layer-summary">
        {schedule.layers.map((layer, index) => (
          <li key={layer.id} className={`shift-layer-${index % 4}`}>
            <label className="layer-toggle">
              <input
                type="checkbox"
                checked={!hiddenLayers.has(layer.id)}
                onChange={(event) =>
                  setHiddenLayers((current) => {
                    const next = new Set(current);
                    if (event.target.checked) next.delete(layer.id);
                    else next.add(layer.id);
                    return next;
                  })
                }
              />{' '}
              <strong>{layer.name}</strong>
            </label>{' '}
            <span>{layer.participants.map(nameOf).join(' → ') || 'nobody'}</span>{' '}
            <span className="muted">
              · {turnText(layer.rotation)} · first handoff {layer.handoffAnchor.replace('T', ' ')}
              {layer.restrictions.length > 0 &&
                ` · only ${layer.restrictions.map(restrictionText).join(', ')}`}
            </span>
          </li>
        ))}
      </ol>

      <h3>Coverage gaps</h3>
      {gaps.isPending && <p className="empty">Loading…</p>}
      <ProblemMessage problem={gaps.error ? problemOf(gaps.error) : null} />
      {gaps.data?.items.length === 0 && (
        <p className="muted">Somebody is on call at all times in the coming days.</p>
      )}
      {gaps.data && gaps.data.items.length > 0 && (
        <ul className="gap-list" aria-label="Coverage gaps">
          {gaps.data.items.map((gap) => (
            <li key={gap.start}>
              Nobody on call {shortWhen(gap.start, zone)} – {shortWhen(gap.end, zone)}
            </li>
          ))}
        </ul>
      )}

      <div className="week-bar">
        <h3 id={`${id}-week`}>Week of {shortWhen(week.from, zone).split(',')[0]}</h3>
        <div className="week-nav">
          <button type="button" onClick={() => setMonday(addDays(monday, -7))}>
            Previous week
          </button>
          <button type="button" onClick={() => setMonday(mondayOf(new Date(), zone))}>
            This week
          </button>
          <button type="button" onClick={() => setMonday(addDays(monday, 7))}>
            Next week
          </button>
        </div>
      </div>
      {role !== 'owner' && (
        <p className="muted">
          {phone ? 'Add an override below.' : 'Select a time range in the calendar to add an override.'}
        </p>
      )}
      <ProblemMessage problem={shifts.error ? problemOf(shifts.error) : null} />
      {shifts.isPending && <p className="empty">Loading…</p>}
      {shifts.data &&
        (phone ? (
          <ShiftList
            shifts={shifts.data.shifts}
            zone={zone}
            nameOf={nameOf}
            layerName={(layerId) => schedule.layers.find((l) => l.id === layerId)?.name ?? 'Layer'}
          />
        ) : (
          <ScheduleCalendar
            monday={monday}
            timeZone={zone}
            entries={entries}
            onSelect={role === 'owner' ? undefined : (start, end) => setProposal({ start, end })}
            selecting={proposal !== null}
          />
        ))}
      {role !== 'owner' && (
        <OverrideForm
          key={proposal ? `${proposal.start}-${proposal.end}` : 'blank'}
          schedule={schedule}
          proposal={proposal}
          onDone={() => setProposal(null)}
        />
      )}
      <OverridesList
        schedule={schedule}
        overrides={overrides.data?.items}
        loading={overrides.isPending}
        problem={overrides.error ? problemOf(overrides.error) : null}
        mayRemove={(override) => canConfigure(role) || (role === 'technician' && override.userId === me.id)}
      />
    </section>
  );
}

function ShiftList({
  shifts,
  zone,
  nameOf,
  layerName,
}: {
  shifts: NamedShift[];
  zone: string;
  nameOf: (userId: string) => string;
  layerName: (layerId: string) => string;
}) {
  if (shifts.length === 0) return <p className="empty">Nobody is on call this week.</p>;
  return (
    <ul className="shift-list" aria-label="Shifts this week">
      {shifts.map((shift) => (
        <li key={shift.start}>
          <strong>{shift.userName ?? nameOf(shift.userId)}</strong>
          <span>
            {shortWhen(shift.start, zone)} – {shortWhen(shift.end, zone)}
          </span>
          <span className="muted">
            {shift.source.kind === 'override' ? 'Override' : layerName(shift.source.layerId)}
          </span>
        </li>
      ))}
    </ul>
  );
}

function turnText(rotation: ScheduleView['layers'][number]['rotation']): string {
  if (rotation.kind === 'daily')
    return (rotation.days ?? 1) === 1 ? 'daily turns' : `${rotation.days}-day turns`;
  if (rotation.kind === 'weekly')
    return (rotation.weeks ?? 1) === 1 ? 'weekly turns' : `${rotation.weeks}-week turns`;
  return `${rotation.length}-${rotation.unit === 'hours' ? 'hour' : 'day'} turns`;
}

function restrictionText(restriction: ScheduleView['layers'][number]['restrictions'][number]): string {
  const hours = restriction.durationMinutes / 60;
  const length = `${hours} h`;
  return restriction.kind === 'daily'
    ? `daily from ${restriction.startTime} for ${length}`
    : `${WEEKDAYS[restriction.startDayOfWeek - 1]}s from ${restriction.startTime} for ${length}`;
}

function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const changed = () => setMatches(list.matches);
    list.addEventListener('change', changed);
    return () => list.removeEventListener('change', changed);
  }, [query]);
  return matches;
}
