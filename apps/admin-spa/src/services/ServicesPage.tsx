import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useDirectoryList } from '../api/use-directory-list';
import type { SchemaCreateServiceDto } from '../api/generated/openapi';
import { type ApiProblem, withApiProblem } from '../api/problem';
import { canConfigure } from '../auth/permissions';
import { fieldMessage } from '../components/FieldProblem';
import { ListStatus } from '../components/ListStatus';
import { EditorCard } from '../components/EditorCard';
import { FormActions } from '../components/FormActions';
import { HeadWithNew } from '../components/HeadWithNew';
import { byName, Options } from '../components/Options';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useShortCreateForm } from '../components/use-short-create-form';
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
  const { role } = useSession();
  const editable = canConfigure(role);
  const services = useDirectoryList<ServiceView>('services');
  const policies = useDirectoryList<{ id: string; name: string }>('policies');
  const [creating, setCreating] = useState(false);
  const policyName = (id: string | null) =>
    id ? (policies.data?.find((p) => p.id === id)?.name ?? 'a policy') : null;

  return (
    <main className="page">
      <HeadWithNew label="New service" offered={editable && !creating} onNew={() => setCreating(true)}>
        <h1>Services</h1>
      </HeadWithNew>
      {creating && <NewService policies={policies.data ?? []} onDone={() => setCreating(false)} />}
      <ListStatus list={services} empty="No services yet." emptyClass="empty card" />
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
  const form = useShortCreateForm('service');
  const [policyId, setPolicyId] = useState('');
  const save = useMutation<unknown, ApiProblem>({
    mutationFn: async () => {
      const body: SchemaCreateServiceDto = {
        name: form.name.trim(),
        ...(policyId ? { escalationPolicyId: policyId } : {}),
      };
      return withApiProblem(() => api.client.post('/api/v1/services', body));
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['services'] });
      await queryClient.invalidateQueries({ queryKey: ['names', 'services'] });
      onDone();
    },
  });
  const submit = form.submit(() => save.mutate());
  return (
    <EditorCard id={form.id} title="New service" onSubmit={submit}>
      <TextField {...form.nameField('Service name', save.error)} />
      <SelectField
        id={`${form.id}-policy`}
        label="Escalation policy"
        value={policyId}
        problem={fieldMessage('escalationPolicyId', {}, save.error)}
        onChange={setPolicyId}
      >
        <Options blank="None" items={policies} option={byName} />
      </SelectField>
      <FormActions mutation={save} submit="Create service" pending="Creating…" onCancel={onDone} />
    </EditorCard>
  );
}
