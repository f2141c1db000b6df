import { SetMetadata } from '@nestjs/common';
import { Permission } from '@oncall/platform-auth';

export const REQUIRED_PERMISSION = 'oncall:required-permission';

/** The permission a route needs, looked up in the permission table for the caller's role. */
export const Requires = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);
