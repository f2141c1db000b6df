import type { DateSelectArg, EventContentArg, EventInput } from '@fullcalendar/core';
import interactionPlugin from '@fullcalendar/interaction';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { useEffect, useRef } from 'react';
import { fromWall, toWall } from './schedule-draft';

/** One block of the calendar: a shift of the final schedule or of one layer, or a gap. */
export interface CalendarEntry {
  id: string;
  start: string;
  end: string;
  /** What the block shows (a name). */
  title: string;
  /** What it says to a screen reader and a test: who, what, when. */
  label: string;
  className: string;
  background?: boolean;
}

interface Props {
  /** The Monday shown (YYYY-MM-DD, viewer's zone). */
  monday: string;
  timeZone: string;
  entries: CalendarEntry[];
  /** A range selected with the pointer (instants); no selection when absent. */
  onSelect?: (start: string, end: string) => void;
  /** Whether a selection is still being acted on; when it turns false the highlight goes. */
  selecting?: boolean;
}

/**
 * A week of the schedule in the viewer's zone. FullCalendar runs in UTC and is given wall-clock readings
 * of that zone (it knows no named zones without a plugin); selections are turned back into instants.
 */
export default function ScheduleCalendar({ monday, timeZone, entries, onSelect, selecting }: Props) {
  const calendar = useRef<FullCalendar>(null);
  useEffect(() => {
    if (!selecting) calendar.current?.getApi().unselect();
  }, [selecting]);
  const events: EventInput[] = entries.map((entry) => ({
    id: entry.id,
    start: toWall(entry.start, timeZone),
    end: toWall(entry.end, timeZone),
    title: entry.title,
    classNames: [entry.className],
    display: entry.background ? 'background' : 'block',
    extendedProps: { label: entry.label },
  }));
  return (
    <div className="schedule-calendar">
      <FullCalendar
        key={monday}
        ref={calendar}
        plugins={[timeGridPlugin, interactionPlugin]}
        initialView="timeGridWeek"
        initialDate={monday}
        timeZone="UTC"
        firstDay={1}
        headerToolbar={false}
        allDaySlot={false}
        height="auto"
        slotDuration="01:00:00"
        slotLabelFormat={{ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }}
        dayHeaderFormat={{ weekday: 'short', day: 'numeric', month: 'short' }}
        eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }}
        locale="en-gb"
        nowIndicator={false}
        slotEventOverlap={false}
        selectable={Boolean(onSelect)}
        unselectAuto={false}
        stickyHeaderDates={false}
        select={(info: DateSelectArg) =>
          onSelect?.(fromWall(info.start, timeZone), fromWall(info.end, timeZone))
        }
        events={events}
        eventContent={(arg: EventContentArg) => (
          <div className="event-body">
            <span aria-hidden="true">{arg.event.title}</span>
            <span className="visually-hidden">{String(arg.event.extendedProps.label)}</span>
          </div>
        )}
      />
    </div>
  );
}
