import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { allOf } from '../api/directory';
import { type ApiProblem, withApiProblem } from '../api/problem';
import { ProblemMessage } from '../components/ProblemMessage';
import { ListStatus } from '../components/ListStatus';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useShortCreateForm } from '../components/use-short-create-form';
import { LabelledOptions } from '../components/Options';
import { formatDateTime } from '../format/time';
import { useSession } from '../session-context';
import { exampleCurl, INTEGRATION_TYPE_LABELS, type IntegrationType } from './example-request';

interface IntegrationView {
  id: string;
  type: IntegrationType;
  name: string;
  keyHint: string;
  active: boolean;
  /** The alert URL with a placeholder where the key goes (admin-api keeps no key to show). */
  alertUrlTemplate?: string;
}

interface Issued {
  integration: IntegrationView;
  key: string;
  alertUrl: string;
}

/** A service's integrations; a new one's key is shown once, with a copy button and an example request. */
export function Integrations({
  serviceId,
  serviceName,
  editable,
}: {
  serviceId: string;
  serviceName: string;
  editable: boolean;
}) {
  const { api } = useSession();
  const queryClient = useQueryClient();
  const path = `/api/v1/services/${encodeURIComponent(serviceId)}/integrations`;
  const list = useQuery({
    queryKey: ['integrations', serviceId],
    queryFn: () => allOf<IntegrationView>(api.client, path),
  });
  const lastAlerts = useLastAlerts();
  const form = useShortCreateForm('integration');
  const [type, setType] = useState<IntegrationType>('generic');
  const create = useMutation<Issued, ApiProblem>({
    mutationFn: () => withApiProblem(() => api.client.post<Issued>(path, { type, name: form.name.trim() })),
    onSuccess: async () => {
      form.clear();
      await queryClient.invalidateQueries({ queryKey: ['integrations', serviceId] });
    },
  });
  const submit = form.submit(() => create.mutate());

  return (
    <div className="integrations">
      <h3>Integrations</h3>
      <ListStatus
        list={list}
        empty="No integrations: nothing can send alerts to this service yet."
        emptyClass="muted"
      />
      {list.data && list.data.length > 0 && (
        <ul className="integration-list">
          {list.data.map((integration) => (
            <li key={integration.id}>
              <strong>{integration.name}</strong> · {INTEGRATION_TYPE_LABELS[integration.type]} · key …
              {integration.keyHint}
              {!integration.active && <span className="badge"> revoked</span>}
              <LastAlert at={lastAlerts.data?.get(integration.id)} known={lastAlerts.isSuccess} />
              {integration.active && integration.alertUrlTemplate && (
                <details className="example-request">
                  <summary>Example request for {integration.name}</summary>
                  <p className="muted">
                    {integration.type === 'defend' ? (
                      'Defend authenticates with its service key: the URL carries no integration key.'
                    ) : (
                      <>
                        The key was shown once, when the integration was made; put it where the URL says{' '}
                        <code>YOUR-INTEGRATION-KEY</code> (a lost key is replaced by rotating it).
                      </>
                    )}
                  </p>
                  <pre aria-label={`Sample curl for ${integration.name}`}>
                    {exampleCurl(integration.type, integration.alertUrlTemplate)}
                  </pre>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {create.data && <IssuedKey issued={create.data} onDismiss={() => create.reset()} />}
      {editable && (
        <form
          className="inline-form"
          onSubmit={submit}
          noValidate
          aria-label={`New integration for ${serviceName}`}
        >
          <TextField {...form.nameField('Integration name', create.error)} />
          <SelectField
            id={`${form.id}-type`}
            label="Sends"
            value={type}
            onChange={(value) => setType(value as IntegrationType)}
          >
            <LabelledOptions labels={INTEGRATION_TYPE_LABELS} />
          </SelectField>
          {create.error && create.error.errors.length === 0 && (
            <ProblemMessage problem={create.error} inline />
          )}
          <button type="submit" disabled={create.isPending}>
            Add integration
          </button>
        </form>
      )}
    </div>
  );
}

/** The newest alert of each integration among the organization's latest ALERTS_LOOKED_AT (one request for all). */
function useLastAlerts() {
  const { api } = useSession();
  return useQuery({
    queryKey: ['last-alerts'],
    queryFn: async () => {
      const page = await api.client.get<{ items: { storedAt: string; alert: { integrationId: string } }[] }>(
        `/api/v1/alert-history?limit=${ALERTS_LOOKED_AT}`,
      );
      const latest = new Map<string, string>();
      for (const entry of page.items)
        if (!latest.has(entry.alert.integrationId)) latest.set(entry.alert.integrationId, entry.storedAt);
      return latest;
    },
  });
}

const ALERTS_LOOKED_AT = 200;

function LastAlert({ at, known }: { at: string | undefined; known: boolean }) {
  const { timeZone } = useSession();
  if (!known) return null;
  return (
    <span className="muted">
      {' '}
      ·{' '}
      {at
        ? `last alert ${formatDateTime(at, timeZone)}`
        : `no alert among the latest ${ALERTS_LOOKED_AT} received`}
    </span>
  );
}

function IssuedKey({ issued, onDismiss }: { issued: Issued; onDismiss: () => void }) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const id = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(issued.key);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="issued-key" role="region" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>Key of {issued.integration.name}: shown this once</h4>
      <p>
        Store it now in the sending tool. On-Call keeps only a hash; a lost key is replaced by rotating it.
      </p>
      <div className="key-row">
        <code aria-label="Integration key">{issued.key}</code>
        <button type="button" onClick={() => void copy()}>
          {copied === 'yes' ? 'Copied' : 'Copy key'}
        </button>
      </div>
      {copied === 'failed' && (
        <p className="problem problem-inline" role="alert">
          The browser refused the clipboard: select the key and copy it.
        </p>
      )}
      <p>
        Alert URL: <code>{issued.alertUrl}</code>
      </p>
      <p>Try it:</p>
      <pre aria-label="Example request">{exampleCurl(issued.integration.type, issued.alertUrl)}</pre>
      <button type="button" onClick={onDismiss}>
        I have stored the key
      </button>
    </div>
  );
}
