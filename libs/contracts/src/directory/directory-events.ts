/** The resources of the directory; each change is published as `<Resource><Action>` (ClientCreated, ...). */
export const DIRECTORY_RESOURCE_TYPES = [
  'organization',
  'user',
  'team',
  'client',
  'service',
  'integration',
  /** An organization's client routing rules, one resource per organization (id = orgId), ADR 0175. */
  'routingRules',
  'maintenanceWindow',
] as const;
export type DirectoryResourceType = (typeof DIRECTORY_RESOURCE_TYPES)[number];

export type DirectoryAction =
  'created' | 'updated' | 'deleted' | 'deactivated' | 'reactivated' | 'rotated' | 'revoked' | 'provisioned';

/** Who changed configuration: a person (from their token) or the platform itself. */
export type ChangeActor = { kind: 'user'; userId: string; name: string } | { kind: 'system'; reason: string };

/** Data of every directory event: enough for another service to keep a local copy. */
export interface DirectoryChanged<TView = Record<string, unknown>> {
  resourceType: DirectoryResourceType;
  resourceId: string;
  action: DirectoryAction;
  actor: ChangeActor;
  before: TView | null;
  after: TView | null;
}

export const DIRECTORY_EVENT_SCHEMA_VERSION = 1;
