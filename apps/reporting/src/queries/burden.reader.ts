import { Inject, Injectable } from '@nestjs/common';
import { BurdenAnswer, BurdenQuery } from '@oncall/contracts';
import { Clock, CLOCK } from '@oncall/platform-clock';
import {
  burdenSpread,
  coveredMs,
  DEFAULT_BUSINESS_HOURS,
  DEFAULT_SLEEP_HOURS,
  PersonBurden,
} from '@oncall/reporting-domain';
import { DataSource } from 'typeorm';
import { ShiftHistoryReader } from './shift-history.reader';

interface PageCounts {
  user_id: string;
  pages: number;
  outside: number;
  sleep: number;
}

const HOUR_MS = 3_600_000;

/**
 * Burden as reporting-domain's burdenOf defines it (a test holds the two together): pages are counted by
 * PostgreSQL in each person's own zone (its DST rules), hours on call come from the schedules as they
 * were, and reporting-domain gives the spread.
 */
@Injectable()
export class BurdenReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly shifts: ShiftHistoryReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async burden(orgId: string, query: BurdenQuery): Promise<BurdenAnswer> {
    const userIds = query.people.map((person) => person.userId);
    const zones = query.people.map((person) => person.timeZone);
    // Hours on call are hours that happened: a window reaching into the future stops at now.
    const until = new Date(Math.min(Date.parse(query.to), this.clock.now().getTime())).toISOString();
    const [pages, acks, shifts] = await Promise.all([
      this.dataSource.query(PAGES_SQL, [
        orgId,
        userIds,
        zones,
        query.from,
        query.to,
        DEFAULT_BUSINESS_HOURS.isoWeekdays,
        DEFAULT_BUSINESS_HOURS.startHour,
        DEFAULT_BUSINESS_HOURS.endHour,
        DEFAULT_SLEEP_HOURS.startHour,
        DEFAULT_SLEEP_HOURS.endHour,
      ]) as Promise<PageCounts[]>,
      this.dataSource.query(
        `SELECT user_id, count(*)::int AS count FROM report_acknowledgements
         WHERE org_id = $1 AND user_id = ANY($2) AND at >= $3 AND at < $4 GROUP BY user_id`,
        [orgId, userIds, query.from, query.to],
      ) as Promise<{ user_id: string; count: number }[]>,
      until > query.from ? this.shifts.shifts(orgId, userIds, query.from, until) : Promise.resolve([]),
    ]);
    const pagesOf = new Map(pages.map((row) => [row.user_id, row]));
    const acksOf = new Map(acks.map((row) => [row.user_id, row.count]));
    const from = Date.parse(query.from);
    const to = Date.parse(query.to);
    const people: PersonBurden[] = query.people.map(({ userId, timeZone }) => ({
      userId,
      timeZone,
      hoursOnCall:
        coveredMs(
          shifts.filter((shift) => shift.userId === userId),
          from,
          to,
        ) / HOUR_MS,
      pages: pagesOf.get(userId)?.pages ?? 0,
      pagesOutsideBusinessHours: pagesOf.get(userId)?.outside ?? 0,
      pagesDuringSleepHours: pagesOf.get(userId)?.sleep ?? 0,
      incidentsAcknowledged: acksOf.get(userId) ?? 0,
    }));
    return { window: { from: query.from, to: query.to }, people, spread: burdenSpread(people) };
  }
}

const PAGES_SQL = `
  SELECT person.user_id, count(*)::int AS pages,
    count(*) FILTER (WHERE NOT (extract(isodow FROM local) = ANY($6::int[])
                                AND extract(hour FROM local) >= $7 AND extract(hour FROM local) < $8))::int AS outside,
    count(*) FILTER (WHERE extract(hour FROM local) >= $9 OR extract(hour FROM local) < $10)::int AS sleep
  FROM unnest($2::text[], $3::text[]) AS person(user_id, time_zone)
  JOIN LATERAL (
    SELECT at AT TIME ZONE person.time_zone AS local FROM report_pages
    WHERE org_id = $1 AND user_id = person.user_id AND at >= $4 AND at < $5) page ON true
  GROUP BY person.user_id`;
