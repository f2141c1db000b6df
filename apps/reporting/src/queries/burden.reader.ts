import { Inject, Injectable } from '@nestjs/common';
import { BurdenAnswer, BurdenQuery } from '@oncall/contracts';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { AcknowledgementRecord, burdenOf, burdenSpread, PageRecord } from '@oncall/reporting-domain';
import { DataSource } from 'typeorm';
import { ShiftHistoryReader } from './shift-history.reader';

/** Loads the people's pages, acknowledgements and past shifts, and lets reporting-domain count. */
@Injectable()
export class BurdenReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly shifts: ShiftHistoryReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async burden(orgId: string, query: BurdenQuery): Promise<BurdenAnswer> {
    const userIds = query.people.map((person) => person.userId);
    // Hours on call are hours that happened: a window reaching into the future stops at now.
    const until = new Date(Math.min(Date.parse(query.to), this.clock.now().getTime())).toISOString();
    const scope = [orgId, userIds, query.from, query.to];
    const [pages, acknowledgements, shifts] = await Promise.all([
      this.dataSource.query(
        `SELECT page_id AS "pageId", incident_id AS "incidentId", user_id AS "userId", to_json(at) #>> '{}' AS at
         FROM report_pages WHERE org_id = $1 AND user_id = ANY($2) AND at >= $3 AND at < $4`,
        scope,
      ) as Promise<PageRecord[]>,
      this.dataSource.query(
        `SELECT incident_id AS "incidentId", user_id AS "userId", to_json(at) #>> '{}' AS at
         FROM report_acknowledgements WHERE org_id = $1 AND user_id = ANY($2) AND at >= $3 AND at < $4`,
        scope,
      ) as Promise<AcknowledgementRecord[]>,
      until > query.from ? this.shifts.shifts(orgId, userIds, query.from, until) : Promise.resolve([]),
    ]);
    const people = burdenOf({ window: query, people: query.people, shifts, pages, acknowledgements });
    return { window: { from: query.from, to: query.to }, people, spread: burdenSpread(people) };
  }
}
