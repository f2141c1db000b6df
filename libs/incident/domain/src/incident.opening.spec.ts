import { foldIncident } from './evolve';
import { NOTHING_RECORDED_YET } from './incident.opening';
import type { ExistingIncident } from './incident.state';
import { triggered } from './testing/incident.fixtures';

// The fixtures build STATE_AFTER_TRIGGER from NOTHING_RECORDED_YET, so its values are checked here on their own.
describe('a newly triggered incident', () => {
  const opened = foldIncident([triggered]) as ExistingIncident;

  it.each(Object.keys(NOTHING_RECORDED_YET) as (keyof typeof NOTHING_RECORDED_YET)[])(
    'has nothing recorded as %s yet',
    (field) => {
      expect([null, 0, []]).toContainEqual(opened[field]);
    },
  );
});
