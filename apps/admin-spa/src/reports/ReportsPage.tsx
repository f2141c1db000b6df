import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { problemOf } from '../api/problem';
import { canReadReports } from '../auth/permissions';
import { ColumnHeads } from '../components/ColumnHeads';
import { ProblemMessage } from '../components/ProblemMessage';
import { useOrgDirectory } from '../routing/use-org-directory';
import { useSession } from '../session-context';
import { CountChart } from './CountChart';
import { downloadCsv } from './csv-download';
import {
  type BurdenReport,
  formatSeconds,
  formatShare,
  type IncidentReport,
  type TrendPoint,
  windowQuery,
} from './report-figures';

const WINDOWS = [7, 30, 90] as const;

/** MTTA/MTTR trend, volume, escalation and burden over a window, each chart with its numbers and CSV. */
export default function ReportsPage() {
  const { api, people, services, timeZone, role } = useSession();
  const allowed = canReadReports(role);
  const [days, setDays] = useState<(typeof WINDOWS)[number]>(30);
  const [now] = useState(() => new Date());
  const range = windowQuery(now, days);
  const zone = timeZone ?? 'UTC';
  const paths = {
    incidents: `/api/v1/reports/incidents?${range}`,
    trend: `/api/v1/reports/incidents/trend?${range}&bucket=day&timeZone=${encodeURIComponent(zone)}`,
    burden: `/api/v1/reports/burden?${range}`,
  };
  const report = useQuery({
    queryKey: ['report', paths.incidents],
    queryFn: () => api.client.get<IncidentReport>(paths.incidents),
  });
  const trend = useQuery({
    queryKey: ['report', paths.trend],
    queryFn: () => api.client.get<{ points: TrendPoint[] }>(paths.trend),
  });
  const burden = useQuery({
    queryKey: ['report', paths.burden],
    queryFn: () => api.client.get<BurdenReport>(paths.burden),
  });
  const problem = [report, trend, burden].map((query) => query.error).find(Boolean);
  const nameOfPerson = (id: string) => people.get(id) ?? 'someone no longer listed';
  const { integrations } = useOrgDirectory();
  /** An integration's name where the directory still lists it, else its id (deleted, or not loaded yet). */
  const nameOfSource = (id: string) =>
    id === 'none' ? 'Unknown source' : (integrations.data?.find((item) => item.id === id)?.name ?? id);
  if (!allowed) {
    return (
      <main className="page">
        <h1>Reports</h1>
        <p className="card empty">The organization's reports are for managers and owners.</p>
      </main>
    );
  }

  return (
    <main className="page">
      <div className="page-head">
        <h1>Reports</h1>
        <label className="inline-label">
          Window{' '}
          <select value={days} onChange={(event) => setDays(Number(event.target.value) as typeof days)}>
            {WINDOWS.map((option) => (
              <option key={option} value={option}>
                Last {option} days
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() => void downloadCsv(api.client, paths.incidents, `incidents-${days}d.csv`)}
        >
          Export incidents CSV
        </button>
        <button
          type="button"
          onClick={() => void downloadCsv(api.client, paths.burden, `burden-${days}d.csv`)}
        >
          Export burden CSV
        </button>
      </div>
      <ProblemMessage problem={problem ? problemOf(problem) : null} />
      {report.isPending && <p className="empty">Loading…</p>}
      {report.data && (
        <>
          <section className="card figures" aria-label="Key figures">
            <Figure label="Incidents" value={String(report.data.incidents)} />
            <Figure
              label="MTTA (mean)"
              value={formatSeconds(report.data.mtta.mean)}
              detail={`median ${formatSeconds(report.data.mtta.median)}, p90 ${formatSeconds(report.data.mtta.p90)}`}
            />
            <Figure
              label="MTTR (mean)"
              value={formatSeconds(report.data.mttr.mean)}
              detail={`median ${formatSeconds(report.data.mttr.median)}, p90 ${formatSeconds(report.data.mttr.p90)}`}
            />
            <Figure
              label="Escalation rate"
              value={formatShare(report.data.escalation.escalationRate)}
              detail={`${report.data.escalation.steppedBeyondFirst} needed more than step 1`}
            />
            <Figure
              label="Unanswered"
              value={formatShare(report.data.escalation.unansweredRate)}
              detail={`${report.data.escalation.unanswered} incidents`}
            />
            <Figure
              label="Alerts per incident"
              value={report.data.noise.alertsPerIncident?.toFixed(1) ?? '—'}
            />
          </section>
          {trend.data && <TrendChart points={trend.data.points} />}
          <div className="chart-grid">
            <CountChart title="Volume by severity" counts={report.data.volume.bySeverity} />
            <CountChart
              title="Volume by service"
              counts={report.data.volume.byService}
              nameOf={(id) => services.get(id) ?? id}
            />
            <CountChart
              title="Volume by client"
              counts={report.data.volume.byClient}
              nameOf={(id) => (id === 'none' ? 'No client' : id)}
            />
            <CountChart title="Volume by source" counts={report.data.volume.bySource} nameOf={nameOfSource} />
          </div>
        </>
      )}
      {burden.data && (
        <CountChart
          title="Pages per person (burden)"
          counts={Object.fromEntries(burden.data.people.map((person) => [person.userId, person.pages]))}
          nameOf={nameOfPerson}
        />
      )}
    </main>
  );
}

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="figure">
      <span className="figure-label">{label}</span>
      <strong className="figure-value">{value}</strong>
      {detail && <span className="muted">{detail}</span>}
    </div>
  );
}

function TrendChart({ points }: { points: TrendPoint[] }) {
  const data = points.map((point) => ({
    ...point,
    mttaMinutes: point.mttaMean === null ? null : Math.round(point.mttaMean / 60),
    mttrMinutes: point.mttrMean === null ? null : Math.round(point.mttrMean / 60),
  }));
  const measured = points.filter((point) => point.incidents > 0);
  return (
    <section className="card chart-card" aria-label="MTTA and MTTR per day">
      <h2>MTTA and MTTR per day (minutes)</h2>
      <div className="chart-with-numbers">
        <div className="chart" aria-hidden="true">
          <ResponsiveContainer width="100%" height={220}>
            <LineChart data={data} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="start" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Line type="monotone" dataKey="mttaMinutes" name="MTTA" stroke="#2453c7" connectNulls />
              <Line type="monotone" dataKey="mttrMinutes" name="MTTR" stroke="#b42318" connectNulls />
            </LineChart>
          </ResponsiveContainer>
        </div>
        <table>
          <caption className="visually-hidden">MTTA and MTTR per day</caption>
          <ColumnHeads
            columns={[
              'Day',
              { label: 'Incidents', numeric: true },
              { label: 'MTTA', numeric: true },
              { label: 'MTTR', numeric: true },
            ]}
          />
          <tbody>
            {measured.length === 0 && (
              <tr>
                <td colSpan={4} className="empty">
                  No incidents in this window.
                </td>
              </tr>
            )}
            {measured.map((point) => (
              <tr key={point.start}>
                <td>{point.start}</td>
                <td className="numeric">{point.incidents}</td>
                <td className="numeric">{formatSeconds(point.mttaMean)}</td>
                <td className="numeric">{formatSeconds(point.mttrMean)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
