/** `npm run token -- --org <org> --role manager|technician|owner [--user <id>] [--email <e>] [--name <n>]` */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadOrCreateDevSigningKey, Role, ROLES, signDevToken } from '@oncall/platform-auth';
import { REPO_ROOT } from '@oncall/platform-testing';
import { DEMO_ORG, DEMO_USERS } from '../apps/admin-api/src/seed/seed-demo';

const { values } = parseArgs({
  strict: true,
  options: {
    org: { type: 'string', default: 'demo-msp' },
    role: { type: 'string', default: 'manager' },
    user: { type: 'string' },
    email: { type: 'string' },
    name: { type: 'string' },
    hours: { type: 'string', default: '12' },
  },
});

const role = values.role as Role;
if (!ROLES.includes(role)) {
  console.error(`--role must be one of: ${ROLES.join(', ')}`);
  process.exit(2);
}
const userId =
  values.user ?? (values.org === 'demo-msp' && role === 'manager' ? 'demo-manager' : `${values.org}-${role}`);
// A demo user keeps the name and e-mail the seed gave them (Hub's claims would overwrite them otherwise).
const demoUser =
  values.org === DEMO_ORG.id ? DEMO_USERS.find((user) => user.hubUserId === userId) : undefined;
const key = loadOrCreateDevSigningKey(
  process.env.DEV_SIGNING_KEY_FILE ?? join(REPO_ROOT, '.oncall/dev-signing-key.json'),
);
console.log(
  signDevToken(
    key,
    {
      sub: userId,
      org_id: values.org,
      email: values.email ?? demoUser?.email ?? `${userId}@${values.org}.example`,
      name: values.name ?? demoUser?.name ?? userId,
      role,
    },
    Number(values.hours) * 3600,
  ),
);
