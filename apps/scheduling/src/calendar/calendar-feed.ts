import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { RpcError } from '@oncall/platform-messaging';
import { DAY_MS } from '@oncall/scheduling-domain';
import ical from 'ical-generator';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ScheduleReader } from '../queries/schedule-reader';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A user's shifts as an iCalendar feed behind a secret URL, for Outlook or Google Calendar. Only the token's
 * hash is stored; rotating it kills the old URL.
 */
@Injectable()
export class CalendarFeed {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: ScheduleReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async rotateToken(orgId: string, userId: string): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    await this.dataSource.query(
      `INSERT INTO calendar_feeds (org_id, user_id, token_hash, created_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (org_id, user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()`,
      [orgId, userId, hashToken(token)],
    );
    return token;
  }

  /**
   * The feed for a token: the past week and the next 60 days, with whose it is, so the directory can
   * refuse it for an account it deactivated (scheduling does not know who is active).
   */
  async render(
    token: string,
    now = this.clock.now(),
  ): Promise<{ ics: string; orgId: string; userId: string }> {
    const rows: { org_id: string; user_id: string }[] = await this.dataSource.query(
      'SELECT org_id, user_id FROM calendar_feeds WHERE token_hash = $1',
      [hashToken(token)],
    );
    if (!rows[0]) throw new RpcError('NOT_FOUND', 'Unknown or rotated calendar link.');
    const { org_id: orgId, user_id: userId } = rows[0];
    // From a whole UTC day, so the first (clipped) event keeps its id between fetches of the same day.
    const from = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - 7 * DAY_MS).toISOString();
    const to = new Date(now.getTime() + 60 * DAY_MS).toISOString();
    const calendar = ical({ name: 'On-Call shifts', prodId: { company: 'On-Call', product: 'shifts' } });
    for (const shift of await this.reader.userShifts(orgId, userId, from, to)) {
      calendar.createEvent({
        id: `${shift.scheduleId}-${shift.start}@oncall`,
        start: new Date(shift.start),
        end: new Date(shift.end),
        summary: `On call: ${shift.scheduleName}`,
        description: shift.source.kind === 'override' ? 'Override' : 'Rotation',
      });
    }
    return { ics: calendar.toString(), orgId, userId };
  }
}
