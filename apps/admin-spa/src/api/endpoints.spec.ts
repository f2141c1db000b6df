import { directoryPageQuery, incidentListQuery, incidentPath, incidentsQuery } from './endpoints';

describe('incident list query', () => {
  it('asks for newest first, one page, and the status unless all', () => {
    expect(incidentsQuery('all', null)).toBe('/api/v1/incidents?sort=newest&limit=25');
    expect(incidentsQuery('triggered', null, 10)).toBe(
      '/api/v1/incidents?sort=newest&limit=10&status=triggered',
    );
    expect(incidentsQuery('resolved', 'eyJ0IjoxfQ==')).toBe(
      '/api/v1/incidents?sort=newest&limit=25&status=resolved&cursor=eyJ0IjoxfQ%3D%3D',
    );
  });

  it('adds the severity, service and assignee filters that are set', () => {
    expect(
      incidentsQuery('triggered', null, 25, { severity: 'info', serviceId: 's1', assigneeId: null }),
    ).toBe('/api/v1/incidents?sort=newest&limit=25&status=triggered&severity=info&serviceId=s1');
    expect(incidentsQuery('all', null, 25, { assigneeId: 'u1' })).toBe(
      '/api/v1/incidents?sort=newest&limit=25&assigneeId=u1',
    );
  });

  it('builds action paths', () => {
    expect(incidentPath('b1')).toBe('/api/v1/incidents/b1');
    expect(incidentPath('b1', 'acknowledge')).toBe('/api/v1/incidents/b1/acknowledge');
  });

  it('asks for the next page of an incident list from the cursor it was given', () => {
    expect(incidentListQuery('b1', 'timeline', 'eyJ0IjoxfQ')).toBe(
      '/api/v1/incidents/b1/timeline?cursor=eyJ0IjoxfQ&limit=50',
    );
  });
});

describe('directory list query', () => {
  it('asks for the largest page, from the cursor given', () => {
    expect(directoryPageQuery('/api/v1/users', null)).toBe('/api/v1/users?limit=200');
    expect(directoryPageQuery('/api/v1/services', 'eyJ0IjoxfQ==')).toBe(
      '/api/v1/services?limit=200&cursor=eyJ0IjoxfQ%3D%3D',
    );
  });
});
