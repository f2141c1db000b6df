import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { type ApiProblem, withApiProblem } from '../api/problem';
import { fieldMessage } from '../components/FieldProblem';
import { ProblemMessage } from '../components/ProblemMessage';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { LabelledOptions } from '../components/Options';
import { useSession } from '../session-context';
import { CONTACT_TYPE_LABELS, contactMethodProblems, type ContactType } from './people-drafts';
import { type ContactMethodView, type NotificationRulesView, peopleApi, settingsKey } from './people-api';

interface Props {
  userId: string;
  methods: ContactMethodView[];
  rules: NotificationRulesView;
}

/** The ways to reach the person, with what each may do next: confirm, disable, delete. */
export function ContactMethods({ userId, methods, rules }: Props) {
  const used = new Set([...rules.high, ...rules.low].map((step) => step.contactMethodId));
  return (
    <section className="card" aria-labelledby="methods-title">
      <h2 id="methods-title">Contact methods</h2>
      {methods.length === 0 ? (
        <p className="empty">No contact methods yet.</p>
      ) : (
        <ul className="method-list">
          {methods.map((method) => (
            <MethodRow key={method.id} userId={userId} method={method} inUse={used.has(method.id)} />
          ))}
        </ul>
      )}
      <NewContactMethod userId={userId} />
    </section>
  );
}

function MethodRow({ userId, method, inUse }: { userId: string; method: ContactMethodView; inUse: boolean }) {
  const { api } = useSession();
  const queryClient = useQueryClient();
  const calls = peopleApi(api.client);
  const label = `${CONTACT_TYPE_LABELS[method.type]} ${method.address}`;
  const act = useMutation<unknown, ApiProblem, 'toggle' | 'delete' | 'confirm'>({
    mutationFn: (action) =>
      withApiProblem(async () => {
        if (action === 'toggle')
          return await calls.updateContactMethod(userId, method.id, { enabled: !method.enabled });
        if (action === 'delete') return await calls.deleteContactMethod(userId, method.id);
        return await calls.sendVerification(userId, method.id);
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKey(userId) }),
  });
  return (
    <li className="method" aria-label={label}>
      <div>
        <strong>{CONTACT_TYPE_LABELS[method.type]}</strong> <span className="address">{method.address}</span>
        <div className="muted">
          {method.accountEmail && 'Sign-in address · '}
          {method.type === 'email' && !method.verified ? 'Awaiting confirmation' : 'Confirmed'}
          {!method.enabled && ' · Disabled'}
          {inUse && ' · Used by a rule'}
        </div>
      </div>
      <div className="actions">
        {method.type === 'email' && !method.verified && (
          <button type="button" disabled={act.isPending} onClick={() => act.mutate('confirm')}>
            {act.isSuccess && act.variables === 'confirm' ? 'Link sent' : 'Send confirmation link'}
          </button>
        )}
        <button
          type="button"
          disabled={act.isPending}
          aria-label={`${method.enabled ? 'Disable' : 'Enable'} ${label}`}
          onClick={() => act.mutate('toggle')}
        >
          {method.enabled ? 'Disable' : 'Enable'}
        </button>
        {!method.accountEmail && !inUse && (
          <button
            type="button"
            disabled={act.isPending}
            aria-label={`Delete ${label}`}
            onClick={() => act.mutate('delete')}
          >
            Delete
          </button>
        )}
      </div>
      {act.error && <ProblemMessage problem={act.error} inline />}
    </li>
  );
}

function NewContactMethod({ userId }: { userId: string }) {
  const { api } = useSession();
  const queryClient = useQueryClient();
  const id = useId();
  const [type, setType] = useState<ContactType>('email');
  const [address, setAddress] = useState('');
  const [checked, setChecked] = useState(false);
  const add = useMutation<unknown, ApiProblem>({
    mutationFn: () =>
      withApiProblem(() => peopleApi(api.client).addContactMethod(userId, { type, address: address.trim() })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: settingsKey(userId) });
      setAddress('');
      setChecked(false);
    },
  });
  const local = checked ? contactMethodProblems(type, address) : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(contactMethodProblems(type, address)).length === 0) add.mutate();
  };
  const addressProblem = fieldMessage('address', local, add.error);
  return (
    <form className="inline-form new-method" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Add a contact method</h3>
      <div className="field-row">
        <SelectField
          id={`${id}-type`}
          label="Kind"
          value={type}
          problem={fieldMessage('type', {}, add.error)}
          onChange={(value) => setType(value as ContactType)}
        >
          <LabelledOptions labels={CONTACT_TYPE_LABELS} />
        </SelectField>
        <TextField
          id={`${id}-address`}
          label="Address"
          value={address}
          maxLength={4096}
          inputMode={type === 'email' ? 'email' : type === 'sms' || type === 'phone' ? 'tel' : 'text'}
          onChange={setAddress}
          problem={addressProblem}
        />
      </div>
      {type === 'email' && (
        <p className="hint">A new address is sent a link to confirm it before it is paged.</p>
      )}
      {(type === 'sms' || type === 'phone' || type === 'push') && (
        <p className="hint">Kept for later: this platform does not send {CONTACT_TYPE_LABELS[type]} yet.</p>
      )}
      {add.error && add.error.errors.length === 0 && <ProblemMessage problem={add.error} />}
      <button type="submit" className="primary" disabled={add.isPending}>
        {add.isPending ? 'Adding…' : 'Add contact method'}
      </button>
    </form>
  );
}
