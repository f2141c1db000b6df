import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDirectoryList } from '../api/use-directory-list';
import { canConfigure } from '../auth/permissions';
import { HeadWithNew } from '../components/HeadWithNew';
import { ListStatus } from '../components/ListStatus';
import { useSession } from '../session-context';
import { CalendarLink } from './CalendarLink';
import { ScheduleDetail } from './ScheduleDetail';
import type { ScheduleView } from './schedule-draft';
import { ScheduleEditor } from './ScheduleEditor';

/** Schedules: the list, one schedule's week (layers, final schedule, overrides, gaps), and the editor. */
export default function SchedulesPage() {
  const { role } = useSession();
  const editable = canConfigure(role);
  const schedules = useDirectoryList<ScheduleView>('schedules');
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<ScheduleView | 'new' | null>(null);
  const selected =
    schedules.data?.find((schedule) => schedule.id === params.get('schedule')) ?? schedules.data?.[0] ?? null;
  const select = (id: string) => setParams({ schedule: id });

  return (
    <main className="page">
      <HeadWithNew
        label="New schedule"
        offered={editable && editing === null}
        onNew={() => setEditing('new')}
      >
        <h1>Schedules</h1>
      </HeadWithNew>
      {editing !== null && (
        <ScheduleEditor
          key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`}
          schedule={editing === 'new' ? null : editing}
          onDone={(saved) => {
            setEditing(null);
            if (saved) select(saved.id);
          }}
        />
      )}
      <section className="card" aria-label="Schedule list">
        <ListStatus
          list={schedules}
          empty={<>No schedules yet.{editable && ' Create one with New schedule.'}</>}
        />
        {schedules.data && schedules.data.length > 0 && (
          <ul className="schedule-list">
            {schedules.data.map((schedule) => (
              <li key={schedule.id}>
                <button
                  type="button"
                  className="link-button"
                  aria-current={schedule.id === selected?.id ? 'true' : undefined}
                  onClick={() => select(schedule.id)}
                >
                  {schedule.name}
                </button>
                <span className="muted">
                  {' '}
                  {schedule.layers.length} {schedule.layers.length === 1 ? 'layer' : 'layers'} ·{' '}
                  {schedule.timeZone}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {selected && (
        <ScheduleDetail
          key={selected.id}
          schedule={selected}
          onEdit={editable && editing === null ? () => setEditing(selected) : undefined}
        />
      )}
      <CalendarLink />
    </main>
  );
}
