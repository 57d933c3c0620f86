// `npm run -s bench -- <name> [--loader bundle|swc] [options]`: runs one benchmark; each prints its
// figures as a JSON last line.
//
// The engine benchmark runs as the engine ships: bundled by esbuild into one file, as the CLI is
// built (`bundle.mjs`). `--loader swc` runs it through @swc-node/register instead, as every figure
// before 6d68758 (2026-11-23) was measured: that loader turns each import into a getter call on the other
// module's exports, which costs the engine ~10% (docs/BENCHMARKS.md). The other benchmarks (the API
// needs TypeScript's decorator metadata, which esbuild does not emit) always run through the loader.
// `MEZZO_BENCH_TREE=<dir>` benchmarks that checkout (a worktree of another ref) with this script.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from './bundle.mjs';

const tree = resolve(
  process.env.MEZZO_BENCH_TREE ??
    join(dirname(fileURLToPath(import.meta.url)), '../..'),
);
const BUNDLED = new Set(['engine']);
const args = process.argv.slice(2);
const at = args.indexOf('--loader');
const loader = at >= 0 ? args.splice(at, 2)[1] : undefined;
const name = args.shift();
const file = name && join(tree, 'tools/bench', `${name}.ts`);
if (
  !file ||
  !existsSync(file) ||
  (loader !== undefined && loader !== 'bundle' && loader !== 'swc') ||
  (loader === 'bundle' && !BUNDLED.has(name))
) {
  process.stderr.write(
    `usage: npm run -s bench -- <name> [--loader bundle|swc] [options]   (names: engine, api, equivalence; --loader bundle: engine only)\n`,
  );
  process.exit(2);
}
const bundled = (loader ?? (BUNDLED.has(name) ? 'bundle' : 'swc')) === 'bundle';
const env = {
  ...process.env,
  SWC_NODE_PROJECT: join(tree, 'tsconfig.base.json'),
  TZ: 'UTC',
  MEZZO_BENCH_BUILD: bundled ? 'esbuild-bundle' : 'swc-node-register',
};
let status = 1;
const dir = bundled ? mkdtempSync(join(tmpdir(), 'mezzo-bench-')) : undefined;
try {
  let command;
  if (dir) {
    const out = join(dir, `${name}.js`);
    bundle(tree, file, out);
    command = [out, ...args];
  } else command = ['-r', '@swc-node/register', file, ...args];
  const run = spawnSync(process.execPath, command, {
    cwd: tree,
    stdio: 'inherit',
    env,
  });
  status = run.status ?? 1;
} catch (err) {
  process.stderr.write(`${err.message}\n`);
} finally {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
process.exit(status);
