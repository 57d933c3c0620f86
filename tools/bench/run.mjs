// `npm run -s bench -- <name>`: runs one benchmark; each prints its figures as a JSON last line.
// Benchmarks are TypeScript run with @swc-node/register against the workspace's path aliases.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const name = process.argv[2];
const file = name && join(root, 'tools/bench', `${name}.ts`);
if (!file || !existsSync(file)) {
  process.stderr.write(
    `usage: npm run -s bench -- <name>   (names: engine, api, equivalence)\n`,
  );
  process.exit(2);
}
const run = spawnSync(
  process.execPath,
  ['-r', '@swc-node/register', file, ...process.argv.slice(3)],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      SWC_NODE_PROJECT: join(root, 'tsconfig.base.json'),
      TZ: 'UTC',
    },
  },
);
process.exit(run.status ?? 1);
