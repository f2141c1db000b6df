import { incidentTrendCsv, toCsv } from './report-csv';

describe('report CSV', () => {
  it('quotes what needs quoting, doubles quotes, ends lines with CRLF and leaves empty cells empty', () => {
    expect(toCsv([['a,b', 'say "hi"', 'two\nlines', null, 3, true]])).toBe(
      '"a,b","say ""hi""","two\nlines",,3,true\r\n',
    );
  });

  it('defuses cells a spreadsheet would run as formulas, not negative numbers', () => {
    expect(toCsv([['=SUM(A1)', '+cmd', '@x', '-1.5']])).toBe("'=SUM(A1),'+cmd,'@x,-1.5\r\n");
  });

  it('writes a trend as a table, one row per bucket', () => {
    const csv = incidentTrendCsv({
      window: { from: '2027-03-01T00:00:00.000Z', to: '2027-03-03T00:00:00.000Z' },
      bucket: 'day',
      timeZone: 'UTC',
      points: [
        { start: '2027-03-01', incidents: 2, mttaMean: 90, mttrMean: null, unanswered: 0 },
        { start: '2027-03-02', incidents: 0, mttaMean: null, mttrMean: null, unanswered: 0 },
      ],
    });
    expect(csv).toBe(
      'start,incidents,mttaMeanSeconds,mttrMeanSeconds,unanswered\r\n2027-03-01,2,90,,0\r\n2027-03-02,0,,,0\r\n',
    );
  });
});
