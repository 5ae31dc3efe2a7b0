// Bundles the functions with the shared domain code (../src/domain) into lib/index.js, because
// Cloud Functions deploys only this folder: a runtime import of ../src would not be there.
// firebase-admin and firebase-functions stay external: the runtime installs them from
// package.json, and firebase-functions must be the very copy the platform loads.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

const result = await build({
  absWorkingDir: here,
  entryPoints: ['src/index.ts'],
  outfile: 'lib/index.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  // CommonJS is what every firebase-tools release loads without extra flags.
  format: 'cjs',
  sourcemap: true,
  // vitest: each feature's store contract is imported lazily, only by the tests (features/feature.ts).
  external: ['firebase-admin', 'firebase-functions', 'vitest'],
  metafile: true,
  logLevel: 'warning',
});

const inputs = Object.keys(result.metafile.inputs);
const domain = inputs.filter((p) => p.startsWith('../src/domain/'));
if (domain.length === 0) throw new Error('build: the shared domain code was not bundled');
// A contract suite reached from the entry would bundle test code (and require vitest at load).
const tests = inputs.filter((p) => /\.contract\.ts$|\/contract\.ts$|\.test\.ts$|\/testing\//.test(p));
if (tests.length > 0) throw new Error(`build: test code in the deployed bundle: ${tests.join(', ')}`);
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(
  `lib/index.js: ${inputs.length} inputs (${domain.length} from src/domain), ${(bytes / 1024).toFixed(0)} KiB with map`,
);
