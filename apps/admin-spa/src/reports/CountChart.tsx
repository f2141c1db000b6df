import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { countRows, type Counts } from './report-figures';

interface Props {
  title: string;
  counts: Counts;
  nameOf?: (key: string) => string;
}

/** A bar chart with its numbers beside it in a table (the table is what screen readers and tests read). */
export function CountChart({ title, counts, nameOf }: Props) {
  const rows = countRows(counts, nameOf);
  return (
    <section className="card chart-card" aria-label={title}>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p className="empty">No incidents in this window.</p>
      ) : (
        <div className="chart-with-numbers">
          {/* The table beside says it all: the chart is hidden from assistive technology and takes no focus. */}
          <div className="chart" aria-hidden="true">
            <ResponsiveContainer width="100%" height={180}>
              <BarChart
                data={rows}
                layout="vertical"
                margin={{ left: 8, right: 8 }}
                accessibilityLayer={false}
              >
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="name" width={110} />
                <Tooltip />
                <Bar dataKey="value" name="Incidents" fill="#2453c7" />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <table>
            <caption className="visually-hidden">{title}</caption>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.name}</th>
                  <td className="numeric">{row.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
