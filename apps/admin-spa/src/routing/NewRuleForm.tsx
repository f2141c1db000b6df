import { type FormEvent, useId, useState } from 'react';
import type { ApiProblem } from '../api/problem';
import { draftForm } from '../components/draft-form';
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
  const message = (field: string) => fieldMessage(field, local as Record<string, string>, null);
  const form = draftForm(id, draft, set, message);
  return (
    <form
      className="editor rule-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label="New routing rule"
    >
      <h3>Add a rule</h3>
      <div className="field-row">
        <SelectField {...form.field('clientId')} label="Client is">
          <Options blank="Any client" items={directory.clients.data} option={byName} />
        </SelectField>
        <SelectField {...form.field('integrationId')} label="Integration is">
          <Options blank="Any integration" items={directory.integrations.data} option={byName} />
        </SelectField>
        <TextField {...form.field('devices')} label="Device is one of" placeholder="FS01, FS02" />
        <TextField {...form.field('labels', 'labels')} label="Labels" placeholder="env=prod" />
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
      <SelectField {...form.field('serviceId', 'serviceId')} label="Send to service">
        <Options blank="Choose…" items={directory.services.data} option={byName} />
      </SelectField>
      {problem && <ProblemMessage problem={problem} inline />}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Saving…' : 'Add rule'}
      </button>
    </form>
  );
}
