import type { ContactMethodView, NotificationRulesView, TeamView, UserView } from '@oncall/contracts';
import type { ApiClient } from '../api/client';
import { allOf } from '../api/directory';
import type {
  SchemaCreateContactMethodDto,
  SchemaCreateTeamDto,
  SchemaCreateUserDto,
  SchemaNotificationRulesDto,
  SchemaReplaceTeamMembersDto,
  SchemaUpdateContactMethodDto,
} from '../api/generated/openapi';

export type { ContactMethodView, NotificationRulesView, TeamView };

/** GET /api/v1/users: the same view GET /api/v1/me gives of the caller. */
export type PersonView = UserView;

export const PEOPLE_KEY = ['people', 'directory'] as const;
export const TEAMS_KEY = ['teams'] as const;
export const settingsKey = (userId: string) => ['person-settings', userId] as const;

/**
 * A person's contact methods and rules live in notification, behind admin-api. `/users/{id}/...` serves
 * the caller too, and a manager for anyone; a technician asking for a colleague's is refused (403).
 */
function personPath(userId: string, rest: string): string {
  return `/api/v1/users/${encodeURIComponent(userId)}/${rest}`;
}

/** The people and teams screens' calls, typed. */
export function peopleApi(api: ApiClient) {
  return {
    people: () => allOf<PersonView>(api, '/api/v1/users'),
    addPerson: (body: SchemaCreateUserDto) => api.post<PersonView>('/api/v1/users', body),
    teams: () => allOf<TeamView>(api, '/api/v1/teams'),
    createTeam: (body: SchemaCreateTeamDto) => api.post<TeamView>('/api/v1/teams', body),
    renameTeam: (teamId: string, name: string) =>
      api.patch<TeamView>(`/api/v1/teams/${encodeURIComponent(teamId)}`, { name }),
    replaceMembers: (teamId: string, body: SchemaReplaceTeamMembersDto) =>
      api.put<TeamView>(`/api/v1/teams/${encodeURIComponent(teamId)}/members`, body),
    contactMethods: (userId: string) =>
      api.get<{ items: ContactMethodView[] }>(personPath(userId, 'contact-methods')),
    addContactMethod: (userId: string, body: SchemaCreateContactMethodDto) =>
      api.post<ContactMethodView>(personPath(userId, 'contact-methods'), body),
    updateContactMethod: (userId: string, methodId: string, body: SchemaUpdateContactMethodDto) =>
      api.patch<ContactMethodView>(personPath(userId, `contact-methods/${methodId}`), body),
    deleteContactMethod: (userId: string, methodId: string) =>
      api.delete<void>(personPath(userId, `contact-methods/${methodId}`)),
    sendVerification: (userId: string, methodId: string) =>
      api.post<{ sent: true }>(personPath(userId, `contact-methods/${methodId}/send-verification`)),
    rules: (userId: string) => api.get<NotificationRulesView>(personPath(userId, 'notification-rules')),
    replaceRules: (userId: string, body: SchemaNotificationRulesDto) =>
      api.put<NotificationRulesView>(personPath(userId, 'notification-rules'), body),
  };
}

export type PeopleApi = ReturnType<typeof peopleApi>;
