import { useState } from 'react';
import { useDirectoryList } from '../api/use-directory-list';
import { canConfigure } from '../auth/permissions';
import { ColumnHeads } from '../components/ColumnHeads';
import { ListStatus } from '../components/ListStatus';
import { HeadWithNew } from '../components/HeadWithNew';
import { useSession } from '../session-context';
import type { PolicyView } from './policy-draft';
import { PolicyEditor } from './PolicyEditor';

/** Escalation policies: the list, and the step editor (managers) with who each step would page now. */
export default function PoliciesPage() {
  const { role } = useSession();
  const editable = canConfigure(role);
  const policies = useDirectoryList<PolicyView>('policies');
  const [editing, setEditing] = useState<PolicyView | 'new' | null>(null);

  return (
    <main className="page">
      <HeadWithNew label="New policy" offered={editable && editing === null} onNew={() => setEditing('new')}>
        <h1>Escalation policies</h1>
      </HeadWithNew>
      {editing !== null && (
        <PolicyEditor
          key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`}
          policy={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
      <section className="card" aria-label="Policies">
        <ListStatus
          list={policies}
          empty={<>No escalation policies yet.{editable && ' Create one with New policy.'}</>}
        />
        {policies.data && policies.data.length > 0 && (
          <table>
            <ColumnHeads
              columns={[
                'Policy',
                { label: 'Steps', numeric: true },
                { label: 'Repeats', numeric: true },
                editable && { label: 'Actions', hidden: true },
              ]}
            />
            <tbody>
              {policies.data.map((policy) => (
                <tr key={policy.id}>
                  <td>
                    <strong>{policy.name}</strong>
                    {policy.description && <span className="muted"> {policy.description}</span>}
                  </td>
                  <td className="numeric">{policy.steps.length}</td>
                  <td className="numeric">{policy.repeatCount}</td>
                  {editable && (
                    <td>
                      <button
                        type="button"
                        onClick={() => setEditing(policy)}
                        aria-label={`Edit ${policy.name}`}
                      >
                        Edit
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
