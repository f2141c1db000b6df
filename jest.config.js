// One Jest run for the whole workspace: swc transpiles (type checking is `npm run typecheck`),
// and tsconfig path aliases resolve to library sources.
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);

const swcOptions = {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true, tsx: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

const project = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', swcOptions] },
  moduleNameMapper,
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/', '<rootDir>/tmp/'],
};

/**
 * Two projects: `suite` (unit, integration, end-to-end) and `load` (`*.load-spec.ts`: storms, hundreds of
 * incidents, timing bounds). `npm test` runs `load` after `suite`, one file at a time, so that a timing bound
 * is not measured against another test's storm on a 2-core machine.
 * @type {import('jest').Config}
 */
module.exports = {
  maxWorkers: 2,
  testTimeout: 30_000,
  projects: [
    { ...project, displayName: 'suite', testMatch: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'] },
    { ...project, displayName: 'load', testMatch: ['**/*.load-spec.ts'] },
  ],
};
