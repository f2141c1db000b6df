import type { LayerView, OverrideView, ScheduleView, ShiftView } from '@oncall/contracts';
import {
  localDateTimeAt,
  renderFinalSchedule,
  resolveLocalDateTime,
  type Layer,
  type Restriction,
  type Rotation,
  validateSchedule,
} from '@oncall/scheduling-domain';
import type { SchemaLayerDto, SchemaScheduleDefinitionDto } from '../api/generated/openapi';

export type { LayerView, OverrideView, ScheduleView, ShiftView };

/** The API's named shift (GET /api/v1/schedules/{id}/shifts). */
export type NamedShift = ShiftView & { userName: string | null };

export type TurnKind = 'daily' | 'weekly' | 'hours';
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export interface RestrictionDraft {
  kind: 'daily' | 'weekly';
  /** 1 = Monday; weekly only. */
  day: number;
  startTime: string;
  hours: string;
}

/** One layer as the form holds it: text fields as typed, checked before sending. */
export interface LayerDraft {
  id?: string;
  name: string;
  participants: string[];
  turn: TurnKind;
  /** Days, weeks or hours per turn, as typed. */
  turnLength: string;
  /** The first handoff, local in the schedule's zone ('YYYY-MM-DDTHH:mm'). */
  handoff: string;
  /** Kept from the stored layer (the screen does not edit them); a new layer starts at its first handoff. */
  timeZone?: string | null;
  start?: string;
  end?: string | null;
  restrictions: RestrictionDraft[];
}

export interface ScheduleDraft {
  name: string;
  description: string;
  timeZone: string;
  layers: LayerDraft[];
}

export function emptyLayer(index: number, handoff: string): LayerDraft {
  return {
    name: `Layer ${index + 1}`,
    participants: [],
    turn: 'weekly',
    turnLength: '1',
    handoff,
    restrictions: [],
  };
}

export function emptyRestriction(): RestrictionDraft {
  return { kind: 'daily', day: 1, startTime: '09:00', hours: '8' };
}

export function draftOf(schedule: ScheduleView | null, timeZone: string, handoff: string): ScheduleDraft {
  if (!schedule) return { name: '', description: '', timeZone, layers: [emptyLayer(0, handoff)] };
  return {
    name: schedule.name,
    description: schedule.description,
    timeZone: schedule.timeZone,
    layers: schedule.layers.map(layerDraftOf),
  };
}

function layerDraftOf(layer: LayerView): LayerDraft {
  const [turn, turnLength] = turnOf(layer.rotation);
  return {
    id: layer.id,
    name: layer.name,
    participants: [...layer.participants],
    turn,
    turnLength: String(turnLength),
    handoff: layer.handoffAnchor.slice(0, 16),
    timeZone: layer.timeZone,
    start: layer.start,
    end: layer.end,
    restrictions: layer.restrictions.map((restriction) => ({
      kind: restriction.kind,
      day: restriction.kind === 'weekly' ? restriction.startDayOfWeek : 1,
      startTime: restriction.startTime,
      hours: String(restriction.durationMinutes / 60),
    })),
  };
}

function turnOf(rotation: Rotation): [TurnKind, number] {
  if (rotation.kind === 'daily') return ['daily', rotation.days ?? 1];
  if (rotation.kind === 'weekly') return ['weekly', rotation.weeks ?? 1];
  return rotation.unit === 'hours' ? ['hours', rotation.length] : ['daily', rotation.length];
}

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const TURN_MAX: Record<TurnKind, number> = { daily: 365, weekly: 52, hours: 9000 };

/** What must be fixed before sending, by the field names the API uses (layers.0.participants...). */
export function draftProblems(draft: ScheduleDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!draft.name.trim()) problems.name = 'Give the schedule a name.';
  if (draft.layers.length === 0) problems.layers = 'Add at least one layer.';
  draft.layers.forEach((layer, i) => {
    const at = `layers.${i}`;
    if (!layer.name.trim()) problems[`${at}.name`] = 'Give the layer a name.';
    if (layer.participants.length === 0 || layer.participants.some((p) => !p))
      problems[`${at}.participants`] = 'Choose who takes turns in this layer.';
    const length = Number(layer.turnLength);
    if (!Number.isInteger(length) || length < 1 || length > TURN_MAX[layer.turn])
      problems[`${at}.rotation`] = `A turn is 1 to ${TURN_MAX[layer.turn]} ${turnUnit(layer.turn)}.`;
    if (!LOCAL.test(layer.handoff))
      problems[`${at}.handoffAnchor`] = 'Choose the date and time of the first handoff.';
    layer.restrictions.forEach((restriction, r) => {
      const hours = Number(restriction.hours);
      const max = restriction.kind === 'daily' ? 24 : 168;
      if (!TIME.test(restriction.startTime))
        problems[`${at}.restrictions.${r}.startTime`] = 'Give a time of day as HH:mm.';
      if (!(hours > 0 && hours <= max && Number.isInteger(hours * 60)))
        problems[`${at}.restrictions.${r}.durationMinutes`] = `Give 0 to ${max} hours (whole minutes).`;
    });
  });
  return problems;
}

export function turnUnit(turn: TurnKind): string {
  return turn === 'daily' ? 'days' : turn === 'weekly' ? 'weeks' : 'hours';
}

function rotationOf(layer: LayerDraft): Rotation {
  const length = Number(layer.turnLength);
  if (layer.turn === 'daily') return { kind: 'daily', days: length };
  if (layer.turn === 'weekly') return { kind: 'weekly', weeks: length };
  return { kind: 'custom', unit: 'hours', length };
}

function restrictionOf(draft: RestrictionDraft): Restriction {
  const durationMinutes = Math.round(Number(draft.hours) * 60);
  return draft.kind === 'daily'
    ? { kind: 'daily', startTime: draft.startTime, durationMinutes }
    : {
        kind: 'weekly',
        startDayOfWeek: draft.day as 1 | 2 | 3 | 4 | 5 | 6 | 7,
        startTime: draft.startTime,
        durationMinutes,
      };
}

/** A new layer starts at its first handoff; a stored one keeps its start. */
function layerStart(layer: LayerDraft, timeZone: string): string {
  return layer.start ?? resolveLocalDateTime(layer.handoff, layer.timeZone ?? timeZone).toISOString();
}

/** The body of POST /api/v1/schedules (and, with expectedVersion, of PUT). */
export function bodyOf(draft: ScheduleDraft): SchemaScheduleDefinitionDto {
  return {
    name: draft.name.trim(),
    description: draft.description,
    timeZone: draft.timeZone,
    layers: draft.layers.map((layer): SchemaLayerDto => ({
      ...(layer.id ? { id: layer.id } : {}),
      name: layer.name.trim(),
      ...(layer.timeZone ? { timeZone: layer.timeZone } : {}),
      participants: layer.participants,
      rotation: rotationOf(layer),
      handoffAnchor: layer.handoff,
      start: layerStart(layer, draft.timeZone),
      ...(layer.end ? { end: layer.end } : {}),
      restrictions: layer.restrictions.map(restrictionOf),
    })),
  };
}

/** The id a layer has in a preview: its own, else one made from its place. */
export function previewLayerId(layer: LayerDraft, index: number): string {
  return layer.id ?? `proposed-layer-${index + 1}`;
}

/**
 * The final schedule the proposed layers would give over [from, to), rendered with the engine scheduling
 * itself uses (ADR 0138); null while the draft is incomplete. Overrides are left out: they stay as they are.
 */
export function previewShifts(draft: ScheduleDraft, from: Date, to: Date): ShiftView[] | null {
  if (Object.keys(draftProblems(draft)).length > 0) return null;
  const layers: Layer[] = draft.layers.map((layer, index) => ({
    id: previewLayerId(layer, index),
    name: layer.name,
    ...(layer.timeZone ? { timeZone: layer.timeZone } : {}),
    participants: layer.participants,
    rotation: rotationOf(layer),
    handoffAnchor: layer.handoff,
    start: layerStart(layer, draft.timeZone),
    end: layer.end ?? null,
    restrictions: layer.restrictions.map(restrictionOf),
  }));
  const schedule = { id: 'preview', timeZone: draft.timeZone, layers, overrides: [] };
  if (validateSchedule(schedule).length > 0) return null;
  return renderFinalSchedule(schedule, { start: from, end: to });
}

/** Each stored layer alone over [from, to): what the layer would give if nothing were above it. */
export function layerShifts(schedule: ScheduleView, layerIndex: number, from: Date, to: Date): ShiftView[] {
  const layer = schedule.layers[layerIndex];
  const alone = {
    id: schedule.id,
    timeZone: schedule.timeZone,
    layers: [{ ...layer, timeZone: layer.timeZone ?? undefined }],
    overrides: [],
  };
  return renderFinalSchedule(alone, { start: from, end: to });
}

/**
 * FullCalendar runs in UTC here and is handed wall-clock times of the viewer's zone: it knows no named
 * zones without a plugin, and the viewer's zone is their profile's, not necessarily the browser's.
 */
export function toWall(instant: string, timeZone: string): string {
  const local = localDateTimeAt(instant, timeZone);
  return local.length === 16 ? `${local}:00` : local;
}

/** The instant a calendar date (a wall-clock reading of the viewer's zone held as UTC) denotes. */
export function fromWall(wall: Date, timeZone: string): string {
  return resolveLocalDateTime(wall.toISOString().slice(0, 16), timeZone).toISOString();
}

/** The local date-time input's value for an instant in a zone. */
export function localInput(instant: string, timeZone: string): string {
  return localDateTimeAt(instant, timeZone).slice(0, 16);
}

export function instantOfInput(local: string, timeZone: string): string | null {
  if (!LOCAL.test(local)) return null;
  return resolveLocalDateTime(local, timeZone).toISOString();
}

/** Who may be named in an override: a technician only themselves (what the SPA offers; the API decides). */
export function overrideCandidates(
  canWriteAll: boolean,
  me: { id: string; name: string },
  people: ReadonlyMap<string, string>,
): { id: string; name: string }[] {
  if (!canWriteAll) return [{ id: me.id, name: me.name }];
  return [...people].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

export function isOverrideShift(shift: ShiftView): boolean {
  return shift.source.kind === 'override';
}

export type { OverrideView as Override };
