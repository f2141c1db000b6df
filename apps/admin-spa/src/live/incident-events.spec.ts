import { liveIncidentsUrl, parseIncidentChange } from './incident-events';

describe('incident server-sent events', () => {
  it('reads the data of an `incident` event', () => {
    const data = JSON.stringify({
      incidentId: 'b1',
      type: 'IncidentAcknowledged',
      version: 3,
      at: '2026-03-12T12:00:00Z',
    });
    expect(parseIncidentChange(data)).toEqual({
      incidentId: 'b1',
      type: 'IncidentAcknowledged',
      version: 3,
      at: '2026-03-12T12:00:00Z',
    });
  });

  it('accepts a change without version or time', () => {
    expect(parseIncidentChange('{"incidentId":"b1","type":"X","version":null,"at":null}')).toEqual({
      incidentId: 'b1',
      type: 'X',
      version: null,
      at: null,
    });
  });

  it.each([
    '',
    'not json',
    '[]',
    'null',
    '{"type":"X"}',
    '{"incidentId":"","type":"X"}',
    '{"incidentId":"b1"}',
  ])('ignores %j', (data) => {
    expect(parseIncidentChange(data)).toBeNull();
  });

  it('ignores what is not text (a keep-alive without data)', () => {
    expect(parseIncidentChange(undefined)).toBeNull();
  });

  it('passes a ticket in the query, encoded, and never a token', () => {
    expect(liveIncidentsUrl('a_b-c+d/e')).toBe('/api/v1/live/incidents?ticket=a_b-c%2Bd%2Fe');
    expect(liveIncidentsUrl('t')).not.toContain('access_token');
  });
});
