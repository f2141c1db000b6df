import type { RoutingTestView } from '@oncall/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import type { SchemaTestRoutingDto } from '../api/generated/openapi';
import { type ApiProblem, withApiProblem } from '../api/problem';
import { FieldProblem, fieldMessage } from '../components/FieldProblem';
import { ProblemMessage } from '../components/ProblemMessage';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useSession } from '../session-context';
import { parseLabels, RULE_SEVERITIES, type RuleSeverity } from './rule-draft';
import { useOrgDirectory } from './use-org-directory';

/** The generated type reads `labels` as an empty map (the schema says only "object"); it maps names to text. */
type TestBody = Omit<SchemaTestRoutingDto, 'labels'> & { labels?: Record<string, string> };

/** "This alert would go to …": answered by the server with the correlator's own decision. */
export function RoutingTester() {
  const { api } = useSession();
  const directory = useOrgDirectory();
  const id = useId();
  const [integrationId, setIntegrationId] = useState('');
  const [client, setClient] = useState('');
  const [device, setDevice] = useState('');
  const [labels, setLabels] = useState('');
  const [severity, setSeverity] = useState<RuleSeverity>('critical');
  const [local, setLocal] = useState<Record<string, string>>({});
  const test = useMutation<RoutingTestView, ApiProblem, TestBody>({
    mutationFn: (body) =>
      withApiProblem(() => api.client.post<RoutingTestView>('/api/v1/routing-rules/test', body)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseLabels(labels);
    const problems: Record<string, string> = {};
    if (!integrationId) problems.integrationId = 'Choose the integration the alert would arrive at.';
    if (parsed === null) problems.labels = 'Write labels as name=value, separated by commas.';
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    test.mutate({
      integrationId,
      severity,
      ...(client.trim() ? { client: client.trim() } : {}),
      ...(device.trim() ? { device: device.trim() } : {}),
      ...(parsed && Object.keys(parsed).length > 0 ? { labels: parsed } : {}),
    });
  };
  const message = (field: string) => fieldMessage(field, local, test.error);
  const verdict = test.data;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Test the routing</h2>
      <form className="editor" onSubmit={submit} noValidate aria-label="Routing tester">
        <div className="field-row">
          <SelectField
            id={`${id}-integration`}
            label="Arrives at integration"
            value={integrationId}
            problem={message('integrationId')}
            onChange={setIntegrationId}
          >
            <option value="">Choose…</option>
            {directory.integrations.data?.map((integration) => (
              <option key={integration.id} value={integration.id}>
                {integration.name} ({directory.serviceName(integration.serviceId)})
              </option>
            ))}
          </SelectField>
          <div className="field">
            <label htmlFor={`${id}-client`}>Client id the tool sends</label>
            <input id={`${id}-client`} value={client} onChange={(event) => setClient(event.target.value)} />
            <FieldProblem id={`${id}-client-problem`} message={message('client')} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-device`}>Device</label>
            <input id={`${id}-device`} value={device} onChange={(event) => setDevice(event.target.value)} />
          </div>
          <TextField
            id={`${id}-labels`}
            label="Alert labels"
            value={labels}
            placeholder="env=prod"
            onChange={setLabels}
            problem={message('labels')}
          />
          <SelectField
            id={`${id}-severity`}
            label="Alert severity"
            value={severity}
            onChange={(value) => setSeverity(value as RuleSeverity)}
          >
            {RULE_SEVERITIES.map((option) => (
              <option key={option}>{option}</option>
            ))}
          </SelectField>
        </div>
        {test.error && test.error.errors.length === 0 && <ProblemMessage problem={test.error} inline />}
        <button type="submit" disabled={test.isPending}>
          {test.isPending ? 'Testing…' : 'Where would it go?'}
        </button>
      </form>
      {verdict && (
        <p className="verdict" role="status" aria-label="Routing verdict">
          This alert would go to <strong>{verdict.serviceName}</strong>
          {verdict.ruleId ? ' by a routing rule' : ' (its integration’s service: no rule matched)'}
          {verdict.clientName ? (
            <>
              , client <strong>{verdict.clientName}</strong>
            </>
          ) : (
            ', no known client'
          )}
          {verdict.maintenanceWindow
            ? `; it would be recorded without paging (maintenance window ${verdict.maintenanceWindow.name}).`
            : '; it would page.'}
        </p>
      )}
    </section>
  );
}
