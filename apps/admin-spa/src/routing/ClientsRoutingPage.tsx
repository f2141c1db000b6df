import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type ApiProblem, withApiProblem } from '../api/problem';
import { canConfigure } from '../auth/permissions';
import { ColumnHeads } from '../components/ColumnHeads';
import { ListStatus } from '../components/ListStatus';
import { FieldProblem, fieldMessage } from '../components/FieldProblem';
import { ProblemMessage } from '../components/ProblemMessage';
import { TextField } from '../components/TextField';
import { useShortCreateForm } from '../components/use-short-create-form';
import { useSession } from '../session-context';
import { RoutingRules } from './RoutingRules';
import { RoutingTester } from './RoutingTester';
import { useOrgDirectory } from './use-org-directory';

/** The MSP's clients, the rules that route their alerts to services, and a tester for those rules. */
export default function ClientsRoutingPage() {
  const { role } = useSession();
  const editable = canConfigure(role);
  const { clients } = useOrgDirectory();
  return (
    <main className="page stacked">
      <div className="page-head">
        <h1>Clients and routing</h1>
      </div>
      <section className="card" aria-labelledby="clients-heading">
        <h2 id="clients-heading">Clients</h2>
        <ListStatus list={clients} empty="No clients yet." />
        {clients.data && clients.data.length > 0 && (
          <div className="table-scroll">
            <table className="plain-table">
              <ColumnHeads columns={['Client', 'RMM id', 'PSA id', 'Time zone']} />
              <tbody>
                {clients.data.map((client) => (
                  <tr key={client.id}>
                    <td>{client.name}</td>
                    <td>{client.rmmExternalId ?? '—'}</td>
                    <td>{client.psaExternalId ?? '—'}</td>
                    <td>{client.timeZone}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {editable && <NewClient />}
      </section>
      <RoutingRules editable={editable} />
      <RoutingTester />
    </main>
  );
}

function NewClient() {
  const { api } = useSession();
  const queryClient = useQueryClient();
  const form = useShortCreateForm('client');
  const [rmmId, setRmmId] = useState('');
  const create = useMutation<unknown, ApiProblem>({
    mutationFn: () =>
      withApiProblem(() =>
        api.client.post('/api/v1/clients', {
          name: form.name.trim(),
          ...(rmmId.trim() ? { rmmExternalId: rmmId.trim() } : {}),
        }),
      ),
    onSuccess: async () => {
      form.clear();
      setRmmId('');
      await queryClient.invalidateQueries({ queryKey: ['clients'] });
    },
  });
  const submit = form.submit(() => create.mutate());
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label="New client">
      <TextField {...form.nameField('Client name', create.error)} />
      <div className="field">
        <label htmlFor={`${form.id}-rmm`}>RMM id (optional)</label>
        <input id={`${form.id}-rmm`} value={rmmId} onChange={(event) => setRmmId(event.target.value)} />
        <FieldProblem
          id={`${form.id}-rmm-problem`}
          message={fieldMessage('rmmExternalId', {}, create.error)}
        />
      </div>
      {create.error && create.error.errors.length === 0 && <ProblemMessage problem={create.error} inline />}
      <button type="submit" disabled={create.isPending}>
        Add client
      </button>
    </form>
  );
}
