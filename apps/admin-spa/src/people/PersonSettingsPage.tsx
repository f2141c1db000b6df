import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { problemOf } from '../api/problem';
import { ProblemMessage } from '../components/ProblemMessage';
import { PATHS } from '../paths';
import { useSession } from '../session-context';
import { ContactMethods } from './ContactMethods';
import { peopleApi, settingsKey } from './people-api';
import { RulesEditor } from './RulesEditor';

/**
 * One person's contact methods and notification rules. The API decides who may (yourself; a manager anyone);
 * the People screen links here only where it would agree.
 */
export default function PersonSettingsPage() {
  const { userId = '' } = useParams();
  const { api, me, people } = useSession();
  const calls = peopleApi(api.client);
  const own = userId === me.id;
  const methods = useQuery({
    queryKey: [...settingsKey(userId), 'methods'],
    queryFn: async () => (await calls.contactMethods(userId)).items,
  });
  const rules = useQuery({ queryKey: [...settingsKey(userId), 'rules'], queryFn: () => calls.rules(userId) });
  const whose = own ? 'Your' : people.has(userId) ? `${people.get(userId)}’s` : 'A person’s';
  const refused = methods.error ?? rules.error;

  return (
    <main className="page people-page">
      <Link to={PATHS.people} className="back">
        ← People
      </Link>
      <h1>{whose} contact methods and notification rules</h1>
      {refused ? (
        <ProblemMessage problem={problemOf(refused)} />
      ) : !methods.data || !rules.data ? (
        <p className="empty">Loading…</p>
      ) : (
        <>
          <ContactMethods userId={userId} methods={methods.data} rules={rules.data} />
          <RulesEditor key={userId} userId={userId} methods={methods.data} rules={rules.data} />
        </>
      )}
    </main>
  );
}
