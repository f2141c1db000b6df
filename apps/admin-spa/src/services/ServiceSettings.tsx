import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { type ApiProblem, withApiProblem } from '../api/problem';
import { draftForm, type TextKey } from '../components/draft-form';
import { fieldMessage } from '../components/FieldProblem';
import { FormActions } from '../components/FormActions';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { RadioChoice } from '../components/RadioChoice';
import { WeeklyHours } from '../components/WeeklyHours';
import { useSession } from '../session-context';
import {
  draftOf,
  durationText,
  type ServiceSettings as Settings,
  type SettingsDraft,
  settingsOf,
  URGENCIES,
  urgencyRuleText,
} from './settings-draft';

interface Props {
  serviceId: string;
  serviceName: string;
  settings: Settings;
  editable: boolean;
}

/** How a service sets the urgency of its new incidents. */
const URGENCY_RULE_KINDS = [
  ['constant', 'Always the same'],
  ['severity-based', 'By alert severity'],
  ['support-hours', 'By support hours'],
] as const;

/** Urgency rule (support hours), acknowledgement timeout and auto-resolve of one service. */
export function ServiceSettings({ serviceId, serviceName, settings, editable }: Props) {
  const [editing, setEditing] = useState(false);
  return (
    <div className="service-settings">
      <dl className="facts">
        <dt>Urgency</dt>
        <dd>{urgencyRuleText(settings.urgencyRule)}</dd>
        <dt>Acknowledgement timeout</dt>
        <dd>{durationText(settings.ackTimeoutSeconds)}</dd>
        <dt>Auto-resolve after</dt>
        <dd>{durationText(settings.autoResolveSeconds)}</dd>
      </dl>
      {editable && !editing && (
        <button type="button" aria-label={`Edit settings of ${serviceName}`} onClick={() => setEditing(true)}>
          Edit settings
        </button>
      )}
      {editing && (
        <SettingsForm
          serviceId={serviceId}
          serviceName={serviceName}
          settings={settings}
          onDone={() => setEditing(false)}
        />
      )}
    </div>
  );
}

function SettingsForm({
  serviceId,
  serviceName,
  settings,
  onDone,
}: Omit<Props, 'editable'> & { onDone: () => void }) {
  const { api, timeZone } = useSession();
  const queryClient = useQueryClient();
  const id = useId();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings, timeZone ?? 'UTC'));
  const [local, setLocal] = useState<Record<string, string>>({});
  const set = (change: Partial<SettingsDraft>) => setDraft((current) => ({ ...current, ...change }));
  const save = useMutation<unknown, ApiProblem, Settings>({
    mutationFn: (body) =>
      withApiProblem(() => api.client.patch(`/api/v1/services/${encodeURIComponent(serviceId)}`, body)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['services'] });
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = settingsOf(draft);
    if ('problems' in result) return setLocal(result.problems);
    setLocal({});
    save.mutate(result.body);
  };
  const message = (field: string) => fieldMessage(field, local, save.error);
  const form = draftForm(id, draft, set, message);
  const text = (key: TextKey<SettingsDraft>, apiField: string, label: string, inputMode?: 'numeric') => (
    <TextField {...form.field(key, apiField)} label={label} inputMode={inputMode} />
  );
  const urgencySelect = (key: 'urgency' | 'during' | 'outside', label: string) => (
    <SelectField {...form.field(key)} label={label}>
      {URGENCIES.map((urgency) => (
        <option key={urgency}>{urgency}</option>
      ))}
    </SelectField>
  );
  return (
    <form className="editor" onSubmit={submit} noValidate aria-label={`Settings of ${serviceName}`}>
      <RadioChoice
        legend="Urgency of new incidents"
        choices={URGENCY_RULE_KINDS}
        value={draft.kind}
        onChange={(kind) => set({ kind })}
      />
      {draft.kind === 'constant' && urgencySelect('urgency', 'Urgency')}
      {draft.kind === 'support-hours' && (
        <WeeklyHours form={form} problemPath="urgencyRule" legend="Support days">
          {urgencySelect('during', 'Urgency during')}
          {urgencySelect('outside', 'Urgency outside')}
        </WeeklyHours>
      )}
      <div className="field-row">
        {text(
          'ackTimeoutMinutes',
          'ackTimeoutSeconds',
          'Re-trigger an acknowledged incident after (minutes, blank: never)',
          'numeric',
        )}
        {text(
          'autoResolveHours',
          'autoResolveSeconds',
          'Resolve an untouched incident after (hours, blank: never)',
          'numeric',
        )}
      </div>
      <FormActions mutation={save} submit="Save settings" pending="Saving…" onCancel={onDone} inlineProblem />
    </form>
  );
}
