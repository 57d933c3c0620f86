// `npm run -s mezzo -- …`: the mezzo command line, built on first use and whenever its sources
// (the CLI, the engine, the rule sets) are newer than the build, so it never answers with old rules.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const main = join(root, 'dist/apps/cli/main.js');
/** The newest modification time under `dir` (0 when it does not exist). */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const at = statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs;
    if (at > latest) latest = at;
  }
  return latest;
}

const sources = ['apps/cli/src', 'libs/compliance', 'libs/shared'].map((d) => join(root, d));
const stale = () => {
  const built = statSync(main).mtimeMs;
  return sources.some((d) => newest(d) > built);
};
if (!existsSync(main) || process.env.MEZZO_REBUILD === '1' || stale()) {
  const built = spawnSync(
    join(root, 'node_modules/.bin/nx'),
    ['build', 'cli', '--output-style=static'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NX_DAEMON: 'false' },
    },
  );
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const run = spawnSync(process.execPath, [main, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
