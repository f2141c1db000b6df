import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

const persistenceAndTransport = ['@nestjs/*', 'typeorm', 'pg', 'nats', 'nodemailer', 'express', 'passport*'];

/** Layering: domain is pure, contracts sit on domain, platform on both, apps on everything but apps. */
function boundaries({ testsMayUseTestingLibs = false } = {}) {
  const testing = testsMayUseTestingLibs ? ['type:testing'] : [];
  return {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
      {
        sourceTag: 'type:domain',
        onlyDependOnLibsWithTags: ['type:domain', ...testing],
        bannedExternalImports: persistenceAndTransport,
      },
      {
        sourceTag: 'type:contracts',
        onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', ...testing],
      },
      {
        sourceTag: 'type:platform',
        onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:domain', ...testing],
      },
      {
        sourceTag: 'type:app',
        onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:domain', ...testing],
      },
      {
        sourceTag: 'type:testing',
        onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:domain', 'type:testing'],
      },
    ],
  };
}

export default [
  { ignores: ['**/node_modules', '**/dist', 'tmp', 'coverage', '.nx', 'apps/admin-spa/dist'] },
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
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message:
            'Read time from the platform clock (@Inject(CLOCK) clock.now()) so tests can fast-forward it.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message:
            'Read time from the platform clock (@Inject(CLOCK) clock.now()) so tests can fast-forward it.',
        },
      ],
    },
  },
  {
    files: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      '**/*.load-spec.ts',
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
