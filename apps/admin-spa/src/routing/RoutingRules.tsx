import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiProblem, problemOf, withApiProblem } from '../api/problem';
import { ProblemMessage } from '../components/ProblemMessage';
import { useSession } from '../session-context';
import { NewRule } from './NewRuleForm';
import type { RoutingRule } from './rule-draft';
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
    mutationFn: (next) => withApiProblem(() => api.client.put('/api/v1/routing-rules', { rules: next })),
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
