import { ScheduleDefinition } from '@oncall/contracts';
import { RpcError } from '@oncall/platform-messaging';
import { Layer, validateSchedule } from '@oncall/scheduling-domain';
import { randomUUID } from 'node:crypto';

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
 * name (`new Date()` would throw on garbage and read an instant without offset in the host's zone).
 */
function normalizedInstant(value: string): string {
  const valid =
    typeof value === 'string' && /(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value));
  return valid ? new Date(value).toISOString() : value;
}

/** Every user who takes turns in the layers (the people "in" the schedule). */
export function participantsOf(layers: readonly Layer[]): string[] {
  return [...new Set(layers.flatMap((layer) => layer.participants))];
}
