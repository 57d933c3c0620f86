// One TypeScript entry bundled by esbuild into a single CommonJS file, the way the CLI ships the
// engine (apps/cli: @nx/esbuild, bundle: true): every module in one scope, so calls between the
// engine's modules are direct. Used by the timed engine benchmark (`run.mjs`) and the instruction
// count (`instructions.mjs`), so that both measure the code as it ships.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Bundles `entry` to `outfile` with the esbuild of `tree` (a checkout); each source file is compiled
 * with its nearest tsconfig.json, as the builds do.
 */
export function bundle(tree, entry, outfile) {
  const esbuild = join(tree, 'node_modules/.bin/esbuild');
  if (!existsSync(esbuild))
    throw new Error('esbuild is not installed: run npm ci');
  const built = spawnSync(
    esbuild,
    [
      entry,
      '--bundle',
      '--platform=node',
      '--target=node20',
      `--outfile=${outfile}`,
      '--log-level=error',
    ],
    { encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`esbuild failed: ${built.stderr}`);
}
