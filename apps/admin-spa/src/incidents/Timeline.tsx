import type { TimelineEntry } from '../api/types';
import { actorLabel, entryLabel, timelineDetail } from '../format/labels';
import { formatDateTime } from '../format/time';
import { useSession } from '../session-context';
import { responseDetail } from './response-detail';

/**
 * The incident's events read so far, newest first: what happened, who did it, when (viewer's time zone);
 * alerts, escalation steps, pages with their delivery outcome, notes and PSA ticket facts among them.
 */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const { people, timeZone } = useSession();
  return (
    <ol className="timeline" aria-label="Timeline">
      {entries.map((entry) => {
        const detail =
          responseDetail(entry, people, (iso) => formatDateTime(iso, timeZone)) ?? timelineDetail(entry);
        return (
          <li key={entry.version} className={`timeline-${entry.type}`}>
            <time dateTime={entry.at}>
              {formatDateTime(entry.at, timeZone, undefined, { seconds: true })}
            </time>
            <span className="timeline-what">
              <strong>{entryLabel(entry)}</strong>
              <span className="muted"> by {actorLabel(entry.actor, people)}</span>
            </span>
            {detail && <p className="timeline-detail">{detail}</p>}
          </li>
        );
      })}
    </ol>
  );
}
