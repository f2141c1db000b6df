import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import { builtinModules } from 'node:module';

const persistenceAndTransport = ['@nestjs/*', 'typeorm', 'pg', 'nats', 'nodemailer', 'express', 'passport*'];

/**
 * The other domain libraries each domain library may use (ADR 0184). A pure rule that needs another
 * context's pure rule declares it here; anything else it needs comes in as input.
 */
export const DOMAIN_USES = {
  dedup: ['scheduling'],
  escalation: ['scheduling'],
  incident: [],
  ingestion: [],
  notification: ['incident'],
  psa: ['incident'],
  reporting: [],
  scheduling: [],
};

const CLOCK_MESSAGE =
  'Read time from the platform clock (@Inject(CLOCK) clock.now()) so tests can fast-forward it.';
/** Business time comes from the platform clock (ADR 0146). */
const platformClockOnly = [
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: CLOCK_MESSAGE,
  },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: CLOCK_MESSAGE },
];

/** Domain code is pure: no Node module at all (files, sockets, processes, timers are I/O or platform). */
const nodeModules = [...new Set(builtinModules.flatMap((name) => [name, `node:${name}`]))];

/**
 * Layering: util (libs/shared) and domain are pure; contracts stand alone (the wire has its own types, ADR
 * 0185) on util only; platform builds on contracts and domain; apps on all libraries but never on another app.
 */
function boundaries({ testsMayUseTestingLibs = false } = {}) {
  const testing = testsMayUseTestingLibs ? ['type:testing'] : [];
  const testingScope = testsMayUseTestingLibs ? ['scope:shared'] : [];
  return {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
      {
        sourceTag: 'type:domain',
        onlyDependOnLibsWithTags: ['type:domain', 'type:util', ...testing],
        bannedExternalImports: persistenceAndTransport,
      },
      ...Object.entries(DOMAIN_USES).map(([scope, uses]) => ({
        allSourceTags: ['type:domain', `scope:${scope}`],
        onlyDependOnLibsWithTags: [
          `scope:${scope}`,
          ...uses.map((use) => `scope:${use}`),
          'type:util',
          ...testingScope,
        ],
      })),
      {
        sourceTag: 'type:contracts',
        onlyDependOnLibsWithTags: ['type:contracts', 'type:util', ...testing],
      },
      {
        sourceTag: 'type:platform',
        onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:domain', 'type:util', ...testing],
      },
      {
        sourceTag: 'type:app',
        onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:domain', 'type:util', ...testing],
      },
      {
        sourceTag: 'type:testing',
        onlyDependOnLibsWithTags: [
          'type:platform',
          'type:contracts',
          'type:domain',
          'type:util',
          'type:testing',
        ],
      },
      {
        sourceTag: 'type:util',
        onlyDependOnLibsWithTags: ['type:util'],
        bannedExternalImports: persistenceAndTransport,
      },
    ],
  };
}

const nodeModuleBans = nodeModules.map((name) => ({
  name,
  message: 'Domain and util libraries are pure: take what this reads as input.',
}));

/** `@oncall/<lib>/testing` entry points serve tests only (ADR 0184). */
const testEntryPoints = {
  group: ['@oncall/*/testing'],
  message: 'A testing entry point is for tests only; production code never imports it.',
};
const testCode = [
  '**/*.spec.ts',
  '**/*.int-spec.ts',
  '**/*.e2e-spec.ts',
  '**/*.load-spec.ts',
  '**/testing/**',
];
const pureCode = ['libs/*/domain/**/*.ts', 'libs/shared/**/*.ts'];

/** Files the lint test feeds to ESLint on purpose: each breaks one boundary rule (test/boundaries). */
export const BOUNDARY_FIXTURES = 'test/boundaries/fixtures/**';

export default [
  {
    ignores: [
      '**/node_modules',
      '**/dist',
      'tmp',
      'coverage',
      '.nx',
      'apps/admin-spa/dist',
      BOUNDARY_FIXTURES,
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries()],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Config and DTO classes need explicit property types: class-transformer reads them from decorator metadata.
      '@typescript-eslint/no-inferrable-types': 'off',
    },
  },
  {
    // Business time comes from the platform clock (ADR 0146), so a test's fastForward reaches it.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: [
      'libs/platform/clock/**',
      'libs/platform/testing/**',
      '**/testing/**',
      'apps/admin-spa/**',
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      '**/*.load-spec.ts',
    ],
    rules: {
      'no-restricted-syntax': ['error', ...platformClockOnly],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: [...testCode, 'test/**', 'bench/**', 'scripts/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [testEntryPoints] }] },
  },
  {
    // The read side (projections, queries) shares views with the write side, never imports it (ADR 0187).
    files: ['apps/*/src/projections/**/*.ts', 'apps/*/src/queries/**/*.ts'],
    ignores: testCode,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            testEntryPoints,
            { group: ['**/execute-command/**'], message: 'The read side does not import the write side.' },
          ],
        },
      ],
    },
  },
  {
    // Controllers call a use case, a reader or a repository; they run no SQL themselves (ADR 0188).
    files: ['apps/*/src/**/*.controller.ts'],
    ignores: testCode,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'typeorm', message: 'A controller runs no SQL: call a repository or a use case.' }],
          patterns: [testEntryPoints],
        },
      ],
    },
  },
  {
    // Message handlers and consumers load, decide and perform: their SQL lives in a store or reader beside
    // them (ADR 0148). They may open a transaction and hand it on. Repeats the clock rule: this one replaces it.
    files: ['apps/*/src/**/*.handler.ts', 'apps/*/src/**/*.consumer.ts', 'apps/*/src/**/*.controller.ts'],
    ignores: testCode,
    rules: {
      'no-restricted-syntax': [
        'error',
        ...platformClockOnly,
        ...['query', 'createQueryBuilder'].map((method) => ({
          selector: `CallExpression[callee.property.name='${method}']`,
          message: 'A handler runs no SQL: call a store or reader beside it.',
        })),
        {
          selector: "CallExpression[callee.name='queryRows']",
          message: 'A handler runs no SQL: call a store or reader beside it.',
        },
      ],
    },
  },
  {
    files: pureCode,
    ignores: testCode,
    rules: { 'no-restricted-imports': ['error', { paths: nodeModuleBans, patterns: [testEntryPoints] }] },
  },
  {
    files: pureCode.map((glob) => testCode.map((test) => `${glob.replace('/**/*.ts', '')}/${test}`)).flat(),
    rules: { 'no-restricted-imports': ['error', { paths: nodeModuleBans }] },
  },
  {
    files: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      '**/*.load-spec.ts',
      // Test support beside the code it serves (`src/testing/`, ADR 0184) builds test databases too.
      '**/testing/**/*.ts',
      'test/**/*.ts',
      'bench/**/*.ts',
    ],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@nx/enforce-module-boundaries': ['error', boundaries({ testsMayUseTestingLibs: true })],
    },
  },
  {
    // End-to-end tests, benchmarks and dev scripts boot whole apps; they sit outside the layering on purpose.
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  prettier,
];
