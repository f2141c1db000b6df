import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { fieldMessage } from '../components/FieldProblem';
import { SelectField } from '../components/SelectField';
import { useSession } from '../session-context';
import { ActionSubmit } from './ActionSubmit';
import { type ActionProps, useIncidentAction } from './use-incident-action';

export function MergeForm(props: ActionProps) {
  const { api } = useSession();
  const { incident } = props;
  const id = useId();
  const [sourceId, setSourceId] = useState('');
  const [checked, setChecked] = useState(false);
  const { busy, problem, run } = useIncidentAction(props);
  // The open incidents of the first page of each status: the ones worth merging are recent.
  const candidates = useQuery({
    queryKey: ['merge-candidates', incident.incidentId],
    queryFn: async () => {
      const pages = await Promise.all([
        api.incidents('triggered', null),
        api.incidents('acknowledged', null),
      ]);
      return pages.flatMap((page) => page.items).filter((item) => item.incidentId !== incident.incidentId);
    },
  });
  const local: Record<string, string> =
    checked && !sourceId ? { sourceIncidentIds: 'Choose the incident to merge into this one.' } : {};
  const message = fieldMessage('sourceIncidentIds', local, problem);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!sourceId) return;
    void run(async () => {
      const result = await api.merge(incident.incidentId, [sourceId]);
      setSourceId('');
      setChecked(false);
      await candidates.refetch();
      return result;
    });
  };
  return (
    <form className="action-form" onSubmit={submit} noValidate aria-label="Merge">
      <SelectField
        id={`${id}-source`}
        label="Merge into this one"
        value={sourceId}
        problem={message}
        onChange={setSourceId}
      >
        <option value="">{candidates.isPending ? 'Loading…' : 'Choose an open incident…'}</option>
        {candidates.data?.map((candidate) => (
          <option key={candidate.incidentId} value={candidate.incidentId}>
            {candidate.title}
          </option>
        ))}
      </SelectField>
      {candidates.data?.length === 0 && <p className="muted">No other open incident.</p>}
      <ActionSubmit problem={problem} fieldProblem={message} busy={busy} label="Merge" pending="Merging…" />
    </form>
  );
}
