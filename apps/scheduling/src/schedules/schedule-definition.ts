import { ScheduleDefinition } from '@oncall/contracts';
import { RpcError } from '@oncall/platform-messaging';
import { isInstant, Layer, sameLayers, validateSchedule } from '@oncall/scheduling-domain';
import { randomUUID } from 'node:crypto';
import { currentRevision, LoadedSchedule } from '../store/schedule-rows';

/**
 * The engine's layers for a definition, each with a stable id (kept when the manager sent one), checked
 * with the engine's own validation: a definition that cannot be rendered is refused, naming the field.
 */
export function layersOf(definition: ScheduleDefinition): Layer[] {
  const layers: Layer[] = definition.layers.map((layer) => ({
    id: layer.id ?? randomUUID(),
    name: layer.name,
    ...(layer.timeZone ? { timeZone: layer.timeZone } : {}),
    participants: [...layer.participants],
    rotation: layer.rotation,
    handoffAnchor: layer.handoffAnchor,
    start: normalizedInstant(layer.start),
    end: layer.end ? normalizedInstant(layer.end) : null,
    restrictions: [...layer.restrictions],
  }));
  const problems = validateSchedule({
    id: 'candidate',
    timeZone: definition.timeZone,
    layers,
    overrides: [],
  });
  if (problems.length > 0) {
    throw new RpcError(
      'VALIDATION_FAILED',
      `Invalid schedule: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      {
        errors: problems.map((problem) => ({
          field: problem.path,
          message: `${problem.path} ${problem.message}`,
        })),
      },
    );
  }
  return layers;
}

/**
 * A valid instant in its canonical UTC form; anything else unchanged, for the engine's validation to
 * name (`new Date()` would throw on garbage, read an instant without offset in the host's zone and roll
 * 30 February over into March).
 */
function normalizedInstant(value: string): string {
  return isInstant(value) ? new Date(value).toISOString() : value;
}

/**
 * Whether a definition is the one in force already: same name, description, team, zone and layers (ids
 * included). Such an update changes nothing and writes nothing.
 */
export function isUnchanged(
  current: LoadedSchedule,
  definition: ScheduleDefinition,
  layers: Layer[],
): boolean {
  const { row } = current;
  const revision = currentRevision(current);
  return (
    row.name === definition.name &&
    row.description === (definition.description ?? '') &&
    row.team_id === (definition.teamId ?? null) &&
    revision.time_zone === definition.timeZone &&
    sameLayers(revision.layers, layers)
  );
}
