import { createTestDatabase, type TestDatabase } from '@mezzo/api-testing';
import type { DataSource } from 'typeorm';
import {
  createDataSource,
  pendingSchemaChanges,
  runMigrations,
} from './data-source';
import {
  RefreshTokenEntity,
  UserEntity,
  RateLimitEntity,
  PasswordResetTokenEntity,
} from './entities';
import { PasswordResetTokensRepository } from './repositories/password-reset-tokens.repository';
import { RateLimitsRepository } from './repositories/rate-limits.repository';
import { RefreshTokensRepository } from './repositories/refresh-tokens.repository';
import { UsersRepository } from './repositories/users.repository';

describe('data access on PostgreSQL', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('data_access');
    ds = createDataSource(db.url, { poolSize: 4 });
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('the migrations create exactly the schema the entities describe', async () => {
    expect(await pendingSchemaChanges(ds)).toEqual([]);
  });

  it('running the migrations again applies nothing', async () => {
    expect(await runMigrations(ds)).toEqual([]);
  });

  it('refuses a second account with the same email in any letter case', async () => {
    const users = new UsersRepository(ds.getRepository(UserEntity));
    expect(
      await users.create({
        email: 'Case@Example.org',
        name: 'A',
        passwordHash: 'x',
      }),
    ).not.toBeNull();
    expect(
      await users.create({
        email: 'case@example.ORG',
        name: 'B',
        passwordHash: 'x',
      }),
    ).toBeNull();
    expect((await users.findByEmail('CASE@example.org'))?.name).toBe('A');
  });

  it('lets only one of two racing refreshes use a token', async () => {
    const users = new UsersRepository(ds.getRepository(UserEntity));
    const tokens = new RefreshTokensRepository(
      ds.getRepository(RefreshTokenEntity),
    );
    const user = await users.create({
      email: 'race@example.org',
      name: 'R',
      passwordHash: 'x',
    });
    await tokens.insert({
      userId: user!.id,
      familyId: '9b2f7c1e-8a3d-4c55-9e0f-1a2b3c4d5e6f',
      tokenHash: 'h-race',
      expiresAt: new Date(Date.now() + 60_000),
    });
    const stored = await tokens.findByHash('h-race');
    const results = await Promise.all([
      tokens.markUsed(stored!.id),
      tokens.markUsed(stored!.id),
      tokens.markUsed(stored!.id),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('uses a reset token once and never after it expires', async () => {
    const users = new UsersRepository(ds.getRepository(UserEntity));
    const resets = new PasswordResetTokensRepository(
      ds.getRepository(PasswordResetTokenEntity),
    );
    const user = await users.create({
      email: 'reset@example.org',
      name: 'R',
      passwordHash: 'x',
    });
    await resets.insert({
      userId: user!.id,
      tokenHash: 'fresh',
      expiresAt: new Date(Date.now() + 60_000),
    });
    await resets.insert({
      userId: user!.id,
      tokenHash: 'stale',
      expiresAt: new Date(Date.now() - 1_000),
    });
    expect(await resets.consume('fresh')).toBe(user!.id);
    expect(await resets.consume('fresh')).toBeNull();
    expect(await resets.consume('stale')).toBeNull();
  });

  it('counts attempts in a window and starts again when it passes', async () => {
    const limits = new RateLimitsRepository(ds.getRepository(RateLimitEntity));
    const counts = [];
    for (let i = 0; i < 3; i++) counts.push((await limits.hit('k1', 60)).count);
    expect(counts).toEqual([1, 2, 3]);
    await ds.query(
      `UPDATE rate_limits SET window_start = now() - interval '2 minutes' WHERE key = 'k1'`,
    );
    expect((await limits.hit('k1', 60)).count).toBe(1);
    const concurrent = await Promise.all(
      Array.from({ length: 10 }, () => limits.hit('k2', 60)),
    );
    expect(concurrent.map((r) => r.count).sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
  });
});
