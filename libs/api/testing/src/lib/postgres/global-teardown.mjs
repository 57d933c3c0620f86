// Jest globalTeardown: stops the embedded PostgreSQL started by global-setup.mjs (if it started one).
export default async function globalTeardown() {
  const pg = globalThis.__MEZZO_TEST_PG__;
  if (pg) await pg.stop();
}
