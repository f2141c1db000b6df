import { DIRECTORY_STATE_CONTEXT, IntegrationState, StateRecord, stateSubject } from '@oncall/contracts';
import { encodeJson, MessageBus } from '@oncall/platform-messaging';
import { randomUUID } from 'node:crypto';
import { hashIntegrationKey } from '../integration-key';

/** A live generic integration whose key is `key`, under fresh ids, with what `overrides` set. */
export function integrationWithKey(key: string, overrides: Partial<IntegrationState> = {}): IntegrationState {
  return {
    integrationId: randomUUID(),
    orgId: 'org-keys',
    serviceId: randomUUID(),
    type: 'generic',
    name: 'Nagios',
    keyHash: hashIntegrationKey(key),
    active: true,
    createdAt: '2027-01-01T00:00:00.000000Z',
    ...overrides,
  };
}

/** Publishes `view` (or its deletion) to the state stream as admin-api would: what the gateway's copy follows. */
export async function publishIntegrationState(
  bus: MessageBus,
  view: IntegrationState,
  deleted = false,
): Promise<void> {
  const record: StateRecord<IntegrationState> = {
    resourceType: 'integration',
    orgId: view.orgId,
    resourceId: view.integrationId,
    deleted,
    view: deleted ? null : view,
    publishedAt: new Date().toISOString(),
  };
  const subject = stateSubject(DIRECTORY_STATE_CONTEXT, 'integration', view.integrationId);
  await bus.js.publish(bus.namespace.subject(subject), encodeJson(record));
}
