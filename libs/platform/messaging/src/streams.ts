import { StreamDefinition } from '@oncall/contracts';
import { DiscardPolicy, JetStreamManager, nanos, RetentionPolicy, StorageType, StreamConfig } from 'nats';
import { SubjectNamespace } from './subject-namespace';

/**
 * Creates each stream (one replica: a clustered deployment raises it once, and later starts keep it), or
 * updates the subjects and limits of an existing one; safe to run from every replica at start.
 */
export async function ensureStreams(
  jsm: JetStreamManager,
  namespace: SubjectNamespace,
  definitions: readonly StreamDefinition[],
): Promise<void> {
  for (const definition of definitions) {
    const config = toStreamConfig(definition, namespace);
    try {
      const existing = await jsm.streams.info(config.name);
      // Only what the code owns changes; replicas, storage and retention stay as operations set them.
      await jsm.streams.update(config.name, {
        ...existing.config,
        subjects: config.subjects,
        max_age: config.max_age,
        duplicate_window: config.duplicate_window,
        max_msgs_per_subject: config.max_msgs_per_subject,
      });
    } catch (error) {
      if (!isStreamNotFound(error)) throw error;
      await addTolerantOfRace(jsm, config);
    }
  }
}

function toStreamConfig(definition: StreamDefinition, namespace: SubjectNamespace): StreamConfig {
  return {
    name: namespace.stream(definition.name),
    subjects: definition.subjects.map((subject) => namespace.subject(subject)),
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    max_age: nanos(definition.maxAgeMs),
    duplicate_window: nanos(definition.duplicateWindowMs),
    max_msgs_per_subject: definition.maxMsgsPerSubject ?? -1,
    num_replicas: 1,
  } as StreamConfig;
}

async function addTolerantOfRace(jsm: JetStreamManager, config: StreamConfig): Promise<void> {
  try {
    await jsm.streams.add(config);
  } catch (error) {
    // Another replica created it between our info() and add(): that is the outcome we wanted.
    if (!String((error as Error).message).includes('already in use')) throw error;
  }
}

function isStreamNotFound(error: unknown): boolean {
  return String((error as Error)?.message ?? '').includes('stream not found');
}
