/** The real entry point in a child process: exit codes and streams as a shell sees them. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

function mezzo(args: string[], input?: string) {
  return spawnSync(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'main.ts'), ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, SWC_NODE_PROJECT: join(root, 'tsconfig.base.json') },
    timeout: 60_000,
  });
}

describe('mezzo (process)', () => {
  it('evaluates a transcript file and exits 0', () => {
    const r = mezzo(['evaluate', join(__dirname, 'fixtures', 'nj-lcsw-met.json')]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ licenseType: 'LCSW', status: 'met' });
  }, 60_000);

  it('exits 2 with the field path on stderr for an invalid transcript on stdin', () => {
    const r = mezzo(['evaluate', '-'], JSON.stringify({ jurisdiction: 'NJ', licenseType: 'LCSW', credits: [{ id: 1 }] }));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('/credits/0/id');
  }, 60_000);
});
