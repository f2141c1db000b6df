import type { ApiClient } from './client';
import { directoryPageQuery } from './endpoints';
import { forEachPage } from './pages';
import type { Page } from './types';

/** Every item of a cursor-paged directory list (people, teams, schedules, policies...). */
export async function allOf<T>(api: ApiClient, path: string): Promise<T[]> {
  const items: T[] = [];
  await forEachPage(
    (cursor) => api.get<Page<T>>(directoryPageQuery(path, cursor)),
    (page) => items.push(...page),
  );
  return items;
}
