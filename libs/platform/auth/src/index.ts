export { ROLES, type Role, type Principal, type HubClaims } from './principal';
export { PERMISSIONS, ROLE_PERMISSIONS, roleAllows, type Permission } from './permissions';
export {
  DEV_AUDIENCE,
  DEV_ISSUER,
  loadOrCreateDevSigningKey,
  signDevToken,
  type DevSigningKey,
} from './dev-signing-key';
export { serviceKeyMatches, presentedServiceKey } from './service-key';
export { parseHubClaims, ORG_ID_PATTERN, SUBJECT_PATTERN, type ParsedClaims } from './hub-claims';
