import { PSA_PRIORITIES, type PsaPriority, type Severity } from './psa.types';

const SEVERITIES: readonly Severity[] = ['critical', 'high', 'warning', 'info'];
const NAME_MAX = 100;
const SERVICE_BOARDS_MAX = 500;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** What a resolved incident does to its ticket: close it, or move it to a status the MSP works from. */
export type OnResolve =
  { readonly action: 'close' } | { readonly action: 'set-status'; readonly status: string };

/**
 * An organization's mapping of incidents to tickets (ADR 0161): neutral priority by severity, the board
 * (ConnectWise) or queue (Autotask, Halo) by service with a default, and what resolution does.
 */
export interface PsaSettings {
  readonly priorities: Readonly<Record<Severity, PsaPriority>>;
  readonly defaultBoard: string | null;
  readonly serviceBoards: readonly { readonly serviceId: string; readonly board: string }[];
  readonly onResolve: OnResolve;
}

export const DEFAULT_PSA_SETTINGS: PsaSettings = Object.freeze({
  priorities: Object.freeze({ critical: 'P1', high: 'P2', warning: 'P3', info: 'P4' }),
  defaultBoard: null,
  serviceBoards: Object.freeze([]),
  onResolve: Object.freeze({ action: 'close' }),
});

export interface SettingsProblem {
  /** `serviceBoards[2].board`, as escalation policies name paths. */
  readonly path: string;
  readonly message: string;
}

export type PsaSettingsCheck =
  | { readonly ok: true; readonly settings: PsaSettings }
  | { readonly ok: false; readonly problems: readonly SettingsProblem[] };

/** Any input → the normalized settings (defaults filled, names trimmed, ids in lower case) or every problem. */
export function checkPsaSettings(input: unknown): PsaSettingsCheck {
  const problems: SettingsProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  if (!isObject(input)) return { ok: false, problems: [{ path: '', message: 'must be an object' }] };
  const settings: PsaSettings = {
    priorities: prioritiesOf(input.priorities, problem),
    defaultBoard: optionalName(input.defaultBoard, 'defaultBoard', problem),
    serviceBoards: serviceBoardsOf(input.serviceBoards, problem),
    onResolve: onResolveOf(input.onResolve, problem),
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, settings };
}

/** The board or queue of a service's tickets: its own, else the organization's default (null = the PSA's). */
export function boardFor(settings: PsaSettings, serviceId: string): string | null {
  const own = settings.serviceBoards.find((entry) => entry.serviceId === serviceId.toLowerCase());
  return own?.board ?? settings.defaultBoard;
}

export function priorityFor(settings: PsaSettings, severity: Severity): PsaPriority {
  return settings.priorities[severity] ?? DEFAULT_PSA_SETTINGS.priorities[severity];
}

type Report = (path: string, message: string) => void;

function prioritiesOf(value: unknown, problem: Report): Record<Severity, PsaPriority> {
  const priorities = { ...DEFAULT_PSA_SETTINGS.priorities };
  if (value === undefined || value === null) return priorities;
  if (!isObject(value)) {
    problem('priorities', 'must be an object of severity → P1 to P4');
    return priorities;
  }
  for (const [key, priority] of Object.entries(value)) {
    if (!(SEVERITIES as readonly string[]).includes(key))
      problem(`priorities.${key}`, `is not a severity (${SEVERITIES.join(', ')})`);
    else if (!(PSA_PRIORITIES as readonly unknown[]).includes(priority))
      problem(`priorities.${key}`, `must be one of ${PSA_PRIORITIES.join(', ')}`);
    else priorities[key as Severity] = priority as PsaPriority;
  }
  return priorities;
}

function serviceBoardsOf(value: unknown, problem: Report): PsaSettings['serviceBoards'] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > SERVICE_BOARDS_MAX) {
    problem('serviceBoards', `must be a list of at most ${SERVICE_BOARDS_MAX} { serviceId, board }`);
    return [];
  }
  const seen = new Set<string>();
  const boards: { serviceId: string; board: string }[] = [];
  value.forEach((entry: unknown, index) => {
    const path = `serviceBoards[${index}]`;
    if (!isObject(entry)) return problem(path, 'must be { serviceId, board }');
    const serviceId = typeof entry.serviceId === 'string' ? entry.serviceId.toLowerCase() : '';
    if (!ID_PATTERN.test(serviceId)) return problem(`${path}.serviceId`, 'must be the id of a service');
    if (seen.has(serviceId)) return problem(`${path}.serviceId`, 'names a service listed before');
    const board = requiredName(entry.board, `${path}.board`, problem);
    seen.add(serviceId);
    if (board !== null) boards.push({ serviceId, board });
  });
  return boards;
}

function onResolveOf(value: unknown, problem: Report): OnResolve {
  if (value === undefined || value === null) return DEFAULT_PSA_SETTINGS.onResolve;
  if (isObject(value) && value.action === 'close') return { action: 'close' };
  if (isObject(value) && value.action === 'set-status') {
    const status = requiredName(value.status, 'onResolve.status', problem);
    return status === null ? DEFAULT_PSA_SETTINGS.onResolve : { action: 'set-status', status };
  }
  problem('onResolve', "must be { action: 'close' } or { action: 'set-status', status }");
  return DEFAULT_PSA_SETTINGS.onResolve;
}

function optionalName(value: unknown, path: string, problem: Report): string | null {
  if (value === undefined || value === null) return null;
  return requiredName(value, path, problem);
}

function requiredName(value: unknown, path: string, problem: Report): string | null {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed.length === 0 || trimmed.length > NAME_MAX || hasControlCharacters(trimmed)) {
    problem(path, `must be a name of 1 to ${NAME_MAX} characters`);
    return null;
  }
  return trimmed;
}

function hasControlCharacters(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return /[\u0000-\u001f\u007f]/.test(text);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
