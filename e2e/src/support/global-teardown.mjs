export default async function globalTeardown() {
  const e2e = globalThis.__MEZZO_E2E__;
  if (!e2e) return;
  if (e2e.api.exitCode === null) {
    e2e.api.kill('SIGTERM');
    await new Promise((ok) => e2e.api.once('exit', ok));
  }
  await e2e.pg.stop();
}
