import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { allOf } from '../api/directory';
import type { SchemaCreateServiceDto } from '../api/generated/openapi';
import { type ApiProblem, problemOf } from '../api/problem';
import { canConfigure } from '../auth/permissions';
import { FieldProblem, fieldMessage } from '../components/FieldProblem';
import { EditorCard } from '../components/EditorCard';
import { FormActions } from '../components/FormActions';
import { HeadWithNew } from '../components/HeadWithNew';
import { Options } from '../components/Options';
import { TextField } from '../components/TextField';
import { ProblemMessage } from '../components/ProblemMessage';
import { useSession } from '../session-context';
import { Integrations } from './Integrations';
import { ServiceSettings } from './ServiceSettings';
import type { UrgencyRule } from './settings-draft';

interface ServiceView {
  id: string;
  name: string;
  description: string;
  escalationPolicyId: string | null;
  urgencyRule: UrgencyRule;
  ackTimeoutSeconds: number | null;
  autoResolveSeconds: number | null;
}

/** Services (what alerts are about, and which policy pages for them), each with its integrations. */
export default function ServicesPage() {
  const { api, role } = useSession();
  const editable = canConfigure(role);
  const services = useQuery({
    queryKey: ['services'],
    queryFn: () => allOf<ServiceView>(api.client, '/api/v1/services'),
  });
  const policies = useQuery({
    queryKey: ['policies'],
    queryFn: () => allOf<{ id: string; name: string }>(api.client, '/api/v1/escalation-policies'),
  });
  const [creating, setCreating] = useState(false);
  const policyName = (id: string | null) =>
    id ? (policies.data?.find((p) => p.id === id)?.name ?? 'a policy') : null;

  return (
    <main className="page">
      <HeadWithNew label="New service" offered={editable && !creating} onNew={() => setCreating(true)}>
        <h1>Services</h1>
      </HeadWithNew>
      {creating && <NewService policies={policies.data ?? []} onDone={() => setCreating(false)} />}
      {services.isPending && <p className="empty">Loading…</p>}
      <ProblemMessage problem={services.error ? problemOf(services.error) : null} />
      {services.data?.length === 0 && <p className="empty card">No services yet.</p>}
      {services.data?.map((service) => (
        <section key={service.id} className="card service" aria-label={service.name}>
          <h2>{service.name}</h2>
          {service.description && <p className="muted">{service.description}</p>}
          <p>
            Escalation policy:{' '}
            {policyName(service.escalationPolicyId) ?? (
              <span className="muted">none: its incidents page nobody</span>
            )}
          </p>
          <ServiceSettings
            serviceId={service.id}
            serviceName={service.name}
            settings={service}
            editable={editable}
          />
          <Integrations serviceId={service.id} serviceName={service.name} editable={editable} />
        </section>
      ))}
    </main>
  );
}

function NewService({ policies, onDone }: { policies: { id: string; name: string }[]; onDone: () => void }) {
  const { api } = useSession();
  const queryClient = useQueryClient();
  const id = useId();
  const [name, setName] = useState('');
  const [policyId, setPolicyId] = useState('');
  const [checked, setChecked] = useState(false);
  const save = useMutation<unknown, ApiProblem>({
    mutationFn: async () => {
      const body: SchemaCreateServiceDto = {
        name: name.trim(),
        ...(policyId ? { escalationPolicyId: policyId } : {}),
      };
      try {
        return await api.client.post('/api/v1/services', body);
      } catch (error) {
        throw problemOf(error);
      }
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['services'] });
      await queryClient.invalidateQueries({ queryKey: ['names', 'services'] });
      onDone();
    },
  });
  const local: Record<string, string> = checked && !name.trim() ? { name: 'Give the service a name.' } : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (name.trim()) save.mutate();
  };
  return (
    <EditorCard id={id} title="New service" onSubmit={submit}>
      <TextField
        id={`${id}-name`}
        label="Service name"
        value={name}
        maxLength={200}
        problem={fieldMessage('name', local, save.error)}
        onChange={setName}
      />
      <div className="field">
        <label htmlFor={`${id}-policy`}>Escalation policy</label>
        <select id={`${id}-policy`} value={policyId} onChange={(event) => setPolicyId(event.target.value)}>
          <Options
            blank="None"
            items={policies}
            option={(policy) => ({ value: policy.id, label: policy.name })}
          />
        </select>
        <FieldProblem
          id={`${id}-policy-problem`}
          message={fieldMessage('escalationPolicyId', {}, save.error)}
        />
      </div>
      <FormActions mutation={save} submit="Create service" pending="Creating…" onCancel={onDone} />
    </EditorCard>
  );
}
