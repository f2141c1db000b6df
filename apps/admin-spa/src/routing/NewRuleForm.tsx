import { type FormEvent, useId, useState } from 'react';
import type { ApiProblem } from '../api/problem';
import { FieldProblem, fieldMessage } from '../components/FieldProblem';
import { byName, Options } from '../components/Options';
import { ProblemMessage } from '../components/ProblemMessage';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import {
  type DraftProblems,
  EMPTY_RULE_DRAFT,
  RULE_SEVERITIES,
  type RoutingRule,
  type RuleDraft,
  ruleOf,
} from './rule-draft';
import { useOrgDirectory } from './use-org-directory';

/** A new routing rule, checked before it is added to the end of the list. */
export function NewRule({
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
        <SelectField
          id={`${id}-client`}
          label="Client is"
          value={draft.clientId}
          onChange={(clientId) => set({ clientId })}
        >
          <Options blank="Any client" items={directory.clients.data} option={byName} />
        </SelectField>
        <SelectField
          id={`${id}-integration`}
          label="Integration is"
          value={draft.integrationId}
          onChange={(integrationId) => set({ integrationId })}
        >
          <Options blank="Any integration" items={directory.integrations.data} option={byName} />
        </SelectField>
        <div className="field">
          <label htmlFor={`${id}-devices`}>Device is one of</label>
          <input
            id={`${id}-devices`}
            value={draft.devices}
            placeholder="FS01, FS02"
            onChange={(event) => set({ devices: event.target.value })}
          />
        </div>
        <TextField
          id={`${id}-labels`}
          label="Labels"
          value={draft.labels}
          placeholder="env=prod"
          onChange={(value) => set({ labels: value })}
          problem={message('labels')}
        />
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
      <SelectField
        id={`${id}-service`}
        label="Send to service"
        value={draft.serviceId}
        problem={message('serviceId')}
        onChange={(serviceId) => set({ serviceId })}
      >
        <Options blank="Choose…" items={directory.services.data} option={byName} />
      </SelectField>
      {problem && <ProblemMessage problem={problem} inline />}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Saving…' : 'Add rule'}
      </button>
    </form>
  );
}
