#!/usr/bin/env node
// Production build of Node services (see docs/adr/0005-deployment-one-image.md).
//
//   node scripts/build-app.js <app> [<app> ...]   build the named apps into dist/apps/<app>/
//   node scripts/build-app.js --all               build every app whose project.json builds with this script
//   node scripts/build-app.js --list              print those apps, one a line
//   --out-dir <dir>                               write <dir>/<app>/ instead of dist/apps/<app>/ (tests use
//                                                 tmp/...; it must sit inside the repository so that npm
//                                                 packages resolve from its node_modules)
//
// For each app, swc transpiles apps/<app>/src/main.ts and every file it reaches through imports (its own
// sources and the workspace libraries behind the `@oncall/*` aliases), with legacy decorators, decorator
// metadata and class names kept, exactly as in development and in Jest. swc's `jsc.paths` rewrites each alias
// to a relative require. The output mirrors the source tree so those relative requires hold:
//
//   dist/apps/<app>/main.js                          entry point: `node dist/apps/<app>/main.js`
//   dist/apps/<app>/apps/<app>/src/**/*.js(.map)
//   dist/apps/<app>/libs/<...>/src/**/*.js(.map)
//
// npm packages are not bundled: they resolve from the repository's node_modules, found by walking up from
// dist/. Every package a built file requires must be a runtime dependency in package.json, or the image
// (which prunes dev dependencies) would fail at start-up; the build refuses otherwise.
'use strict';

const {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} = require('node:fs');
const { builtinModules } = require('node:module');
const { dirname, join, relative, resolve, sep } = require('node:path');
const swc = require('@swc/core');

const ROOT = resolve(__dirname, '..');
const { compilerOptions } = require(join(ROOT, 'tsconfig.base.json'));
const packageJson = require(join(ROOT, 'package.json'));
const RUNTIME_DEPENDENCIES = new Set(Object.keys(packageJson.dependencies ?? {}));
const BUILTINS = new Set(builtinModules);
const BUILD_COMMAND = 'node scripts/build-app.js';

/** The transform of jest.config.js (and of @swc-node/register in development), with external source maps. */
function swcOptions(filename, sourceFileName) {
  return {
    filename,
    sourceFileName,
    sourceMaps: true,
    swcrc: false,
    configFile: false,
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true, tsx: filename.endsWith('.tsx') },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      // Nest names providers and loggers after classes, and TypeORM reads migration timestamps from them.
      keepClassNames: true,
      // Absolute baseUrl: swc rewrites `@oncall/x` to a path relative to the file being compiled.
      baseUrl: ROOT,
      paths: compilerOptions.paths,
    },
    module: { type: 'commonjs' },
  };
}

function main(argv) {
  const { apps, outRoot, list } = parseArguments(argv);
  if (list) {
    console.log(apps.join('\n'));
    return;
  }
  for (const app of apps) {
    const started = Date.now();
    const outDir = join(outRoot, app);
    const { files, packages } = buildApp(app, outDir);
    console.log(
      `built ${app}: ${files} files, ${packages.size} packages -> ${relative(ROOT, outDir)}/main.js ` +
        `(${Date.now() - started} ms)`,
    );
  }
}

function parseArguments(argv) {
  const usage = 'usage: node scripts/build-app.js (<app> [<app> ...] | --all | --list) [--out-dir <dir>]';
  let outRoot = join(ROOT, 'dist', 'apps');
  let all = false;
  let list = false;
  const named = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--all') all = true;
    else if (arg === '--list') list = true;
    else if (arg === '--out-dir' && argv[index + 1]) outRoot = resolve(argv[(index += 1)]);
    else if (arg.startsWith('-')) fail(`unknown option ${arg}\n${usage}`);
    else named.push(arg);
  }
  if (relative(ROOT, outRoot).startsWith('..')) {
    fail(`--out-dir must be inside ${ROOT}: built files find npm packages in its node_modules`);
  }
  const apps = all || list ? buildableApps() : named;
  if (apps.length === 0) fail(usage, 2);
  return { apps, outRoot, list };
}

/** Apps whose project.json `build` target is this script (a future admin-spa builds with vite instead). */
function buildableApps() {
  return readdirSync(join(ROOT, 'apps'))
    .filter((name) => existsSync(join(ROOT, 'apps', name, 'project.json')))
    .filter((name) => {
      const project = JSON.parse(readFileSync(join(ROOT, 'apps', name, 'project.json'), 'utf8'));
      return String(project.targets?.build?.command ?? '').startsWith(BUILD_COMMAND);
    })
    .sort();
}

function buildApp(app, outDir) {
  if (!/^[a-z0-9-]+$/.test(app)) fail(`"${app}" is not an app name`);
  const entry = join(ROOT, 'apps', app, 'src', 'main.ts');
  if (!existsSync(entry)) fail(`apps/${app}/src/main.ts does not exist`);
  rmSync(outDir, { recursive: true, force: true });

  const queue = [entry];
  const seen = new Set(queue);
  const packages = new Set();
  while (queue.length > 0) {
    const file = queue.shift();
    const target = join(outDir, relative(ROOT, file));
    mkdirSync(dirname(target), { recursive: true });
    if (file.endsWith('.json')) {
      copyFileSync(file, target);
      continue;
    }
    const requires = compile(file, target.replace(/\.tsx?$/, '.js'));
    for (const specifier of requires) {
      const dependency = resolveSpecifier(specifier, file, packages);
      if (dependency && !seen.has(dependency)) {
        seen.add(dependency);
        queue.push(dependency);
      }
    }
  }
  writeFileSync(
    join(outDir, 'main.js'),
    `'use strict';\n// Generated by scripts/build-app.js: the entry point of the ${app} service.\nrequire('./apps/${app}/src/main.js');\n`,
  );
  return { files: seen.size, packages };
}

/** Transpiles one file, writes it with its source map, and returns what it requires. */
function compile(file, target) {
  const relativeSource = relative(dirname(target), file).split(sep).join('/');
  let output;
  try {
    output = swc.transformSync(readFileSync(file, 'utf8'), swcOptions(file, relativeSource));
  } catch (error) {
    fail(`swc could not compile ${relative(ROOT, file)}:\n${error.message ?? error}`);
  }
  const mapName = `${target.split(sep).pop()}.map`;
  writeFileSync(target, `${output.code}\n//# sourceMappingURL=${mapName}\n`);
  writeFileSync(`${target}.map`, output.map);
  return [...output.code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
}

/** The workspace file a relative require points at, or undefined for a package (checked and recorded). */
function resolveSpecifier(specifier, fromFile, packages) {
  if (specifier.startsWith('.')) {
    const base = resolve(dirname(fromFile), specifier);
    const candidates = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx'), base];
    const found = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
    if (!found) fail(`${relative(ROOT, fromFile)} requires "${specifier}", which resolves to no source file`);
    if (!found.startsWith(join(ROOT, 'apps') + sep) && !found.startsWith(join(ROOT, 'libs') + sep)) {
      fail(`${relative(ROOT, fromFile)} requires ${relative(ROOT, found)}, outside apps/ and libs/`);
    }
    if (!/\.(tsx?|json)$/.test(found)) fail(`${relative(ROOT, found)}: only .ts, .tsx and .json are built`);
    return found;
  }
  if (specifier.startsWith('@oncall/')) {
    fail(`${relative(ROOT, fromFile)}: alias "${specifier}" is not in tsconfig.base.json paths`);
  }
  if (specifier.startsWith('node:') || BUILTINS.has(specifier)) return undefined;
  const name = specifier.startsWith('@')
    ? specifier.split('/').slice(0, 2).join('/')
    : specifier.split('/')[0];
  if (!RUNTIME_DEPENDENCIES.has(name)) {
    fail(
      `${relative(ROOT, fromFile)} requires "${specifier}", but ${name} is not in package.json "dependencies" ` +
        '(dev dependencies are pruned from the production image)',
    );
  }
  packages.add(name);
  return undefined;
}

function fail(message, exitCode = 1) {
  console.error(`build-app: ${message}`);
  process.exit(exitCode);
}

main(process.argv.slice(2));
