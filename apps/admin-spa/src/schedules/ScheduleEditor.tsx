import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { type ApiProblem, withApiProblem } from '../api/problem';
import { ColumnHeads } from '../components/ColumnHeads';
import { fieldMessage } from '../components/FieldProblem';
import { EditorCard } from '../components/EditorCard';
import { FormActions } from '../components/FormActions';
import { NameAndDescription } from '../components/NameAndDescription';
import { RowsEditor } from '../components/RowsEditor';
import { TextField } from '../components/TextField';
import { browserTimeZone, usableTimeZone } from '../format/time';
import { useSession } from '../session-context';
import { LayerEditor } from './LayerEditor';
import {
  bodyOf,
  draftOf,
  draftProblems,
  emptyLayer,
  previewLayerId,
  previewShifts,
  type ScheduleDraft,
  type ScheduleView,
} from './schedule-draft';
import { addDays, mondayOf, shortWhen } from './when';

interface Props {
  schedule: ScheduleView | null;
  onDone: (saved: ScheduleView | null) => void;
}

const PREVIEW_DAYS = 14;
const PREVIEW_ROWS = 40;

/** Name, zone and layers of one schedule, with the final schedule they would give, before saving. */
export function ScheduleEditor({ schedule, onDone }: Props) {
  const { api, people, timeZone: profileZone } = useSession();
  const viewerZone = profileZone ?? browserTimeZone();
  const queryClient = useQueryClient();
  const id = useId();
  const [draft, setDraft] = useState<ScheduleDraft>(() =>
    draftOf(schedule, viewerZone, `${addDays(mondayOf(new Date(), viewerZone), 7)}T09:00`),
  );
  const [checked, setChecked] = useState(false);
  const save = useMutation<ScheduleView, ApiProblem>({
    mutationFn: () =>
      withApiProblem(async () => {
        return schedule
          ? await api.client.put<ScheduleView>(`/api/v1/schedules/${schedule.id}`, {
              ...bodyOf(draft),
              expectedVersion: schedule.version,
            })
          : await api.client.post<ScheduleView>('/api/v1/schedules', bodyOf(draft));
      }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['schedules'] });
      onDone(saved);
    },
  });
  const zoneProblem = usableTimeZone(draft.timeZone)
    ? undefined
    : 'Give a time zone such as Europe/Amsterdam.';
  const problems = { ...draftProblems(draft), ...(zoneProblem ? { timeZone: zoneProblem } : {}) };
  const local: Record<string, string> = checked ? problems : {};
  const message = (field: string) => fieldMessage(field, local, save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(problems).length === 0) save.mutate();
  };
  const people_ = useMemo(
    () =>
      [...people]
        .map(([personId, name]) => ({ id: personId, name }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [people],
  );

  const preview = useMemo(() => {
    if (zoneProblem) return null;
    const from = new Date();
    try {
      return previewShifts(draft, from, new Date(from.getTime() + PREVIEW_DAYS * 86_400_000));
    } catch {
      return null;
    }
  }, [draft, zoneProblem]);
  const layerNames = new Map(draft.layers.map((layer, index) => [previewLayerId(layer, index), layer.name]));

  return (
    <EditorCard id={id} title={schedule ? `Edit ${schedule.name}` : 'New schedule'} onSubmit={submit}>
      <NameAndDescription
        id={id}
        draft={draft}
        nameMax={200}
        descriptionMax={2000}
        nameProblem={message('name')}
        onChange={(change) => setDraft({ ...draft, ...change })}
      />
      <TextField
        id={`${id}-zone`}
        label="Time zone of the handoffs"
        value={draft.timeZone}
        problem={message('timeZone')}
        onChange={(timeZone) => setDraft({ ...draft, timeZone })}
      />
      <p className="muted">Layers: a later layer wins wherever it has someone.</p>
      <RowsEditor
        label="Layers"
        rows={draft.layers}
        update={(change) => setDraft((current) => ({ ...current, layers: change(current.layers) }))}
        row={(layer, edit) => (
          <LayerEditor {...edit} layer={layer} people={people_} timeZone={draft.timeZone} message={message} />
        )}
        problemId={`${id}-layers-problem`}
        problem={local.layers}
        max={20}
        add="Add layer"
        newRow={(layers) => emptyLayer(layers.length, layers[0]?.handoff ?? '')}
      />

      <section className="preview schedule-preview" aria-labelledby={`${id}-preview`} aria-live="polite">
        <h3 id={`${id}-preview`}>
          Preview: the next {PREVIEW_DAYS} days (your zone, {viewerZone})
        </h3>
        {preview === null ? (
          <p className="muted">
            The preview appears when every layer has people, a turn and a first handoff.
          </p>
        ) : preview.length === 0 ? (
          <p className="muted">Nobody would be on call in the next {PREVIEW_DAYS} days.</p>
        ) : (
          <table>
            <ColumnHeads columns={['On call', 'From', 'Until', 'Layer']} />
            <tbody>
              {preview.slice(0, PREVIEW_ROWS).map((shift) => (
                <tr key={shift.start}>
                  <td>{people.get(shift.userId) ?? 'Unknown person'}</td>
                  <td>{shortWhen(shift.start, viewerZone)}</td>
                  <td>{shortWhen(shift.end, viewerZone)}</td>
                  <td>{shift.source.kind === 'layer' ? layerNames.get(shift.source.layerId) : 'Override'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <FormActions mutation={save} submit="Save schedule" pending="Saving…" onCancel={() => onDone(null)} />
    </EditorCard>
  );
}
