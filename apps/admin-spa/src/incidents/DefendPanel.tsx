import type { DefendSummary } from './defend-facts';
import { techniqueLabel, techniqueUrl } from './defend-facts';

/** A Defend (EDR) detection's essentials, first on the page: which device, which technique, what to do. */
export function DefendPanel({ defend }: { defend: DefendSummary }) {
  const { device } = defend;
  return (
    <section className="card defend-panel" aria-labelledby="defend-heading">
      <h2 id="defend-heading">Defend detection</h2>
      <dl className="facts">
        <dt>Device</dt>
        <dd>
          <strong>{device.name}</strong>
          {(device.os || device.ip) && (
            <span className="muted"> · {[device.os, device.ip].filter(Boolean).join(' · ')}</span>
          )}
        </dd>
        {defend.threat && (
          <>
            <dt>Threat</dt>
            <dd>{defend.threat}</dd>
          </>
        )}
        <dt>MITRE ATT&amp;CK</dt>
        <dd>
          {defend.mitre.length === 0 && <span className="muted">No technique named</span>}
          <ul className="plain-list">
            {defend.mitre.map((technique) => {
              const url = techniqueUrl(technique.techniqueId);
              const label = techniqueLabel(technique);
              return (
                <li key={technique.techniqueId}>
                  {url ? (
                    <a href={url} target="_blank" rel="noreferrer">
                      {label}
                    </a>
                  ) : (
                    label
                  )}
                </li>
              );
            })}
          </ul>
        </dd>
        <dt>Recommended action</dt>
        <dd className="recommended-action">
          {defend.recommendedAction ?? 'None given by Defend; review the detection in its console.'}
        </dd>
      </dl>
      {defend.consoleUrl && (
        <p>
          <a href={defend.consoleUrl} target="_blank" rel="noreferrer">
            Open in the Defend console
          </a>
        </p>
      )}
    </section>
  );
}
