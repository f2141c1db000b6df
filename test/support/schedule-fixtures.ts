import { DirectoryProbe, Problem } from './directory-probe';
import { ServiceName } from './service-catalogue';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** An anchor far in the past: rotations are already running in any window a test asks about. */
export const ANCHOR_DAY = '2020-01-06';

/** The probe (admin-api, with the directory helpers) plus the other services a schedule test needs. */
export async function startSchedulingProbe(
  label: string,
  others: ServiceName[] = ['scheduling'],
): Promise<DirectoryProbe> {
  const probe = await DirectoryProbe.start(label);
  await probe.platform.start(...others);
  return probe;
}

export interface LayerBody {
  id?: string;
  name: string;
  participants: string[];
  rotation: Record<string, unknown>;
  handoffAnchor: string;
  start: string;
  end?: string | null;
  restrictions?: Record<string, unknown>[];
}

/** A 24/7 daily rotation handing off at `hour`:00 UTC, running since 2020. */
export function dailyLayer(participants: string[], hour = 9, extra: Partial<LayerBody> = {}): LayerBody {
  return {
    name: 'Primary',
    participants,
    rotation: { kind: 'daily' },
    handoffAnchor: `${ANCHOR_DAY}T${String(hour).padStart(2, '0')}:00`,
    start: '2020-01-01T00:00:00.000Z',
    ...extra,
  };
}

export function scheduleBody(name: string, layers: LayerBody[], extra: Record<string, unknown> = {}) {
  return { name, timeZone: 'UTC', layers, ...extra };
}

export interface ExpectedShift {
  start: string;
  end: string;
  userId: string;
  source: { kind: 'layer'; layerId: string };
}

/**
 * What a UTC daily rotation of `participants` handing off at `hour`:00 must render over [from, to):
 * computed independently of the engine (turn k starts at anchor + k days, user = participants[k mod n]).
 */
export function dailyShifts(
  participants: string[],
  hour: number,
  layerId: string,
  from: number,
  to: number,
): ExpectedShift[] {
  const anchor = Date.parse(`${ANCHOR_DAY}T${String(hour).padStart(2, '0')}:00:00Z`);
  const shifts: ExpectedShift[] = [];
  for (let k = Math.floor((from - anchor) / DAY); anchor + k * DAY < to; k++) {
    const start = Math.max(anchor + k * DAY, from);
    const end = Math.min(anchor + (k + 1) * DAY, to);
    const userId = participants[((k % participants.length) + participants.length) % participants.length];
    shifts.push({ start: iso(start), end: iso(end), userId, source: { kind: 'layer', layerId } });
  }
  return shifts;
}

/** Who a UTC daily rotation has on call at `at`, and the turn [start, end) containing it. */
export function turnAt(participants: string[], hour: number, at: number) {
  const anchor = Date.parse(`${ANCHOR_DAY}T${String(hour).padStart(2, '0')}:00:00Z`);
  const k = Math.floor((at - anchor) / DAY);
  return {
    userId: participants[k % participants.length],
    start: anchor + k * DAY,
    end: anchor + (k + 1) * DAY,
  };
}

export const iso = (ms: number) => new Date(ms).toISOString();

export type NamedShift = ExpectedShift & { userName: string };

/**
 * A scheduling probe (admin-api and scheduling) with a manager and two technicians, Ann and Bob, and the
 * calls tests share.
 */
export class TwoTechnicians {
  private constructor(
    readonly probe: DirectoryProbe,
    readonly manager: string,
    private readonly names: Map<string, string>,
  ) {}

  static async start(
    label: string,
    orgId: string,
    emailDomain: string,
    services: ServiceName[] = ['scheduling'],
  ): Promise<TwoTechnicians> {
    const probe = await startSchedulingProbe(label, services);
    const manager = probe.platform.token(orgId, 'manager', 'boss');
    const names = new Map<string, string>();
    for (const name of ['Ann', 'Bob']) {
      const user = await probe.call<{ id: string }>(manager, 'POST', '/api/v1/users', 201, {
        email: `${name.toLowerCase()}@${emailDomain}`,
        name,
        role: 'technician',
      });
      names.set(user.id, name);
    }
    return new TwoTechnicians(probe, manager, names);
  }

  close(): Promise<void> {
    return this.probe.close();
  }

  get ann(): string {
    return [...this.names.keys()][0];
  }

  get bob(): string {
    return [...this.names.keys()][1];
  }

  nameOf(userId: string): string {
    return this.names.get(userId)!;
  }

  /** DirectoryProbe.call as the manager. */
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    status: number,
    body?: unknown,
  ): Promise<T> {
    return this.probe.call<T>(this.manager, method, path, status, body);
  }

  /** DirectoryProbe.problem as the manager. */
  problem(method: string, path: string, status: number, body?: unknown, field?: string): Promise<Problem> {
    return this.probe.problem(this.manager, method, path, status, body, field);
  }

  /** Creates a schedule of one daily rotation of `participants` handing off at 09:00 UTC. */
  createDaily<T = { id: string; layers: { id: string }[] }>(
    name: string,
    participants: string[],
  ): Promise<T> {
    return this.call<T>('POST', '/api/v1/schedules', 201, scheduleBody(name, [dailyLayer(participants, 9)]));
  }

  /** Expected shifts with the names the API adds. */
  named(shifts: ExpectedShift[]): NamedShift[] {
    return shifts.map((shift) => ({ ...shift, userName: this.nameOf(shift.userId) }));
  }

  async render(scheduleId: string, from: number, to: number): Promise<NamedShift[]> {
    const path = `/api/v1/schedules/${scheduleId}/shifts?from=${iso(from)}&to=${iso(to)}`;
    return (await this.call<{ shifts: NamedShift[] }>('GET', path, 200)).shifts;
  }
}
