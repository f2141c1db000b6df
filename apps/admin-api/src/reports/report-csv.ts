import { BurdenAnswer, IncidentReportAnswer, IncidentTrendAnswer } from '@oncall/contracts';

type Cell = string | number | boolean | null | undefined;

/** A burden answer with each person's name from the directory. */
export type NamedBurden = Omit<BurdenAnswer, 'people'> & {
  people: (BurdenAnswer['people'][number] & { name: string })[];
};

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; lines end with CRLF. */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(cell: Cell): string {
  const text = cell === null || cell === undefined ? '' : String(cell);
  // A leading =, +, - or @ would run as a formula in a spreadsheet (CSV injection).
  const safe = /^[=+\-@]/.test(text) && Number.isNaN(Number(text)) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The incident dashboard as `figure,key,value` rows: one per figure, one per breakdown entry. */
export function incidentReportCsv(report: IncidentReportAnswer): string {
  const rows: Cell[][] = [
    ['figure', 'key', 'value'],
    ['window.from', '', report.window.from],
    ['window.to', '', report.window.to],
    ['incidents', '', report.incidents],
  ];
  for (const name of ['mtta', 'mttr'] as const)
    for (const [stat, value] of Object.entries(report[name])) rows.push([`${name}.${stat}`, '', value]);
  for (const [breakdown, counts] of Object.entries(report.volume))
    for (const [key, count] of Object.entries(counts)) rows.push([`volume.${breakdown}`, key, count]);
  for (const [figure, value] of Object.entries(report.escalation))
    rows.push([`escalation.${figure}`, '', value]);
  for (const [figure, value] of Object.entries(report.noise)) rows.push([`noise.${figure}`, '', value]);
  for (const [userId, count] of Object.entries(report.acknowledgementsByPerson))
    rows.push(['acknowledgementsByPerson', userId, count]);
  return toCsv(rows);
}

export function incidentTrendCsv(trend: IncidentTrendAnswer): string {
  return toCsv([
    ['start', 'incidents', 'mttaMeanSeconds', 'mttrMeanSeconds', 'unanswered'],
    ...trend.points.map((p) => [p.start, p.incidents, p.mttaMean, p.mttrMean, p.unanswered]),
  ]);
}

export function burdenCsv(burden: NamedBurden): string {
  const share = (shares: Readonly<Record<string, number | null>>, userId: string) => shares[userId];
  return toCsv([
    [
      'userId',
      'name',
      'timeZone',
      'hoursOnCall',
      'pages',
      'pagesOutsideBusinessHours',
      'pagesDuringSleepHours',
      'incidentsAcknowledged',
      'pageShare',
      'hourShare',
      'carriesTooMuch',
    ],
    ...burden.people.map((p) => [
      p.userId,
      p.name,
      p.timeZone,
      p.hoursOnCall,
      p.pages,
      p.pagesOutsideBusinessHours,
      p.pagesDuringSleepHours,
      p.incidentsAcknowledged,
      share(burden.spread.pageShare, p.userId),
      share(burden.spread.hourShare, p.userId),
      burden.spread.carryingTooMuch.includes(p.userId),
    ]),
  ]);
}
