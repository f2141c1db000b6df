import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { type ApiProblem, problemOf } from '../api/problem';
import { FieldProblem, fieldMessage } from '../components/FieldProblem';
import { ProblemMessage } from '../components/ProblemMessage';
import { useSession } from '../session-context';
import {
  type DraftProblems,
  EMPTY_RULE_DRAFT,
  RULE_SEVERITIES,
  type RoutingRule,
  type RuleDraft,
  ruleOf,
} from './rule-draft';
import { useOrgDirectory } from './use-org-directory';

/** The organization's routing rules in the order they are tried, and (for managers) a form to add one. */
export function RoutingRules({ editable }: { editable: boolean }) {
  const { api } = useSession();
  const queryClient = useQueryClient();
  const directory = useOrgDirectory();
  const rules = useQuery({
    queryKey: ['routing-rules'],
    queryFn: () => api.client.get<{ rules: RoutingRule[] }>('/api/v1/routing-rules'),
  });
  const save = useMutation<{ rules: RoutingRule[] }, ApiProblem, RoutingRule[]>({
    mutationFn: async (next) => {
      try {
        return await api.client.put('/api/v1/routing-rules', { rules: next });
      } catch (error) {
        throw problemOf(error);
      }
    },
    onSuccess: (saved) => queryClient.setQueryData(['routing-rules'], saved),
  });
  const current = rules.data?.rules ?? [];
  const describe = (rule: RoutingRule) => {
    const { when } = rule;
    return [
      when.clientIds && `client ${when.clientIds.map(directory.clientName).join(' or ')}`,
      when.integrationIds && `from ${when.integrationIds.map(directory.integrationName).join(' or ')}`,
      when.devices && `device ${when.devices.join(' or ')}`,
      when.labels &&
        Object.entries(when.labels)
          .map(([name, value]) => `${name}=${value}`)
          .join(', '),
      when.severities && `severity ${when.severities.join(' or ')}`,
    ]
      .filter(Boolean)
      .join(' and ');
  };

  return (
    <section className="card" aria-labelledby="rules-heading">
      <h2 id="rules-heading">Routing rules</h2>
      <p className="muted">
        Tried in order; the first that matches wins. Alerts no rule takes go to their integration’s service.
      </p>
      {rules.isPending && <p className="empty">Loading…</p>}
      <ProblemMessage problem={rules.error ? problemOf(rules.error) : null} />
      {rules.data && current.length === 0 && <p className="empty">No routing rules yet.</p>}
      {current.length > 0 && (
        <ol className="rule-list" aria-label="Routing rules">
          {current.map((rule, index) => (
            <li key={rule.ruleId}>
              <span>
                {describe(rule)} → <strong>{directory.serviceName(rule.serviceId)}</strong>
              </span>
              <span className="row-actions">
                {editable && index > 0 && (
                  <button
                    type="button"
                    disabled={save.isPending}
                    aria-label={`Move up rule to ${directory.serviceName(rule.serviceId)}: ${describe(rule)}`}
                    onClick={() => save.mutate(movedUp(current, index))}
                  >
                    Move up
                  </button>
                )}
                {editable && (
                  <button
                    type="button"
                    disabled={save.isPending}
                    aria-label={`Remove rule to ${directory.serviceName(rule.serviceId)}: ${describe(rule)}`}
                    onClick={() => save.mutate(current.filter((other) => other.ruleId !== rule.ruleId))}
                  >
                    Remove
                  </button>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
      {editable && (
        <NewRule
          busy={save.isPending}
          problem={save.error}
          onAdd={(rule) => save.mutateAsync([...current, rule])}
        />
      )}
    </section>
  );
}

/** The rules with the one at `index` tried one place earlier. */
function movedUp(rules: RoutingRule[], index: number): RoutingRule[] {
  const next = [...rules];
  [next[index - 1], next[index]] = [next[index], next[index - 1]];
  return next;
}

function NewRule({
  busy,
  problem,
  onAdd,
}: {
  busy: boolean;
  problem: ApiProblem | null;
  onAdd: (rule: RoutingRule) => Promise<unknown>;
}) {
  const directory = useOrgDirectory();
  const id = useId();
  const [draft, setDraft] = useState<RuleDraft>(EMPTY_RULE_DRAFT);
  const [local, setLocal] = useState<DraftProblems>({});
  const set = (change: Partial<RuleDraft>) => setDraft((current) => ({ ...current, ...change }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = ruleOf(draft, `rule-${crypto.randomUUID().slice(0, 8)}`);
    if ('problems' in result) return setLocal(result.problems);
    setLocal({});
    try {
      await onAdd(result.rule);
      setDraft(EMPTY_RULE_DRAFT);
    } catch {
      // Shown from the mutation's problem.
    }
  };
  const message = (field: keyof DraftProblems) => fieldMessage(field, local as Record<string, string>, null);
  return (
    <form
      className="editor rule-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label="New routing rule"
    >
      <h3>Add a rule</h3>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-client`}>Client is</label>
          <select
            id={`${id}-client`}
            value={draft.clientId}
            onChange={(event) => set({ clientId: event.target.value })}
          >
            <option value="">Any client</option>
            {directory.clients.data?.map((client) => (
              <option key={client.id} value={client.id}>
                {client.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-integration`}>Integration is</label>
          <select
            id={`${id}-integration`}
            value={draft.integrationId}
            onChange={(event) => set({ integrationId: event.target.value })}
          >
            <option value="">Any integration</option>
            {directory.integrations.data?.map((integration) => (
              <option key={integration.id} value={integration.id}>
                {integration.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-devices`}>Device is one of</label>
          <input
            id={`${id}-devices`}
            value={draft.devices}
            placeholder="FS01, FS02"
            onChange={(event) => set({ devices: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-labels`}>Labels</label>
          <input
            id={`${id}-labels`}
            value={draft.labels}
            placeholder="env=prod"
            aria-invalid={Boolean(message('labels'))}
            aria-describedby={`${id}-labels-problem`}
            onChange={(event) => set({ labels: event.target.value })}
          />
          <FieldProblem id={`${id}-labels-problem`} message={message('labels')} />
        </div>
      </div>
      <fieldset className="choice">
        <legend>Severity is one of (none: any)</legend>
        {RULE_SEVERITIES.map((severity) => (
          <label key={severity}>
            <input
              type="checkbox"
              checked={draft.severities.includes(severity)}
              onChange={(event) =>
                set({
                  severities: event.target.checked
                    ? [...draft.severities, severity]
                    : draft.severities.filter((other) => other !== severity),
                })
              }
            />
            {severity}
          </label>
        ))}
      </fieldset>
      <FieldProblem id={`${id}-when-problem`} message={message('when')} />
      <div className="field">
        <label htmlFor={`${id}-service`}>Send to service</label>
        <select
          id={`${id}-service`}
          value={draft.serviceId}
          aria-invalid={Boolean(message('serviceId'))}
          aria-describedby={`${id}-service-problem`}
          onChange={(event) => set({ serviceId: event.target.value })}
        >
          <option value="">Choose…</option>
          {directory.services.data?.map((service) => (
            <option key={service.id} value={service.id}>
              {service.name}
            </option>
          ))}
        </select>
        <FieldProblem id={`${id}-service-problem`} message={message('serviceId')} />
      </div>
      {problem && <ProblemMessage problem={problem} inline />}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Saving…' : 'Add rule'}
      </button>
    </form>
  );
}
