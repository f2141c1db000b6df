import { useQuery } from '@tanstack/react-query';
import { useSession } from '../session-context';
import { allOf } from './directory';

/** The directory lists screens read whole: each one's query key (what a change invalidates) and path. */
const DIRECTORY_LISTS = {
  services: '/api/v1/services',
  clients: '/api/v1/clients',
  policies: '/api/v1/escalation-policies',
  schedules: '/api/v1/schedules',
  teams: '/api/v1/teams',
} as const;

export type DirectoryList = keyof typeof DIRECTORY_LISTS;

/** Every item of one directory list (all its pages), cached under `[list]`. */
export function useDirectoryList<T>(list: DirectoryList) {
  const { api } = useSession();
  return useQuery({ queryKey: [list], queryFn: () => allOf<T>(api.client, DIRECTORY_LISTS[list]) });
}
