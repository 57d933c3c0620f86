import { createTestDatabase, type TestDatabase } from '@mezzo/api-testing';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';
import {
  CreditEntity,
  CreditEventEntity,
  LicenseEntity,
  UserEntity,
  UserSettingsEntity,
} from '../entities';
import { CreditsRepository, type CreditFields } from './credits.repository';
import { LicensesRepository } from './licenses.repository';
import { UserSettingsRepository } from './user-settings.repository';
import { UsersRepository } from './users.repository';

const course: CreditFields = {
  title: 'Course',
  provider: null,
  completedOn: '2025-02-14',
  hours: 3,
  format: 'live-online',
  topics: [],
  practiceClinical: 3,
  practiceMacro: 0,
  practiceGeneral: 0,
  macroAreas: [],
  approvals: [],
};

describe('a license with its evaluation inputs, in one query', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let licenses: LicensesRepository;
  let credits: CreditsRepository;
  let settings: UserSettingsRepository;
  let owner: UserEntity;
  let other: UserEntity;
  let license: LicenseEntity;
  const actor = { id: '', name: 'owner' };

  beforeAll(async () => {
    db = await createTestDatabase('license_inputs');
    ds = createDataSource(db.url, { poolSize: 2 });
    await ds.initialize();
    const users = new UsersRepository(ds.getRepository(UserEntity));
    owner = (await users.create({
      email: 'owner@example.org',
      name: 'O',
      passwordHash: 'x',
    }))!;
    other = (await users.create({
      email: 'other@example.org',
      name: 'P',
      passwordHash: 'x',
    }))!;
    actor.id = owner.id;
    licenses = new LicensesRepository(ds.getRepository(LicenseEntity));
    credits = new CreditsRepository(ds);
    settings = new UserSettingsRepository(ds.getRepository(UserSettingsEntity));
    license = await licenses.create(owner.id, {
      jurisdiction: 'NJ',
      licenseType: 'LCSW',
      number: '44SC1',
      issuedOn: '2018-03-10',
      birthDate: '1980-05-02',
      renewsOn: null,
      roles: ['supervisor'],
    });
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  const inputs = async () =>
    (await licenses.findOwnedWithEvaluationInputs(owner.id, license.id))!;

  it('hydrates the license exactly as TypeORM does, and only for its owner', async () => {
    const found = await inputs();
    expect(found.license).toEqual(
      await licenses.findOwned(owner.id, license.id),
    );
    expect(found.license).toBeInstanceOf(LicenseEntity);
    expect(found.advocacyFloorPercent).toBeNull();
    expect(
      await licenses.findOwnedWithEvaluationInputs(other.id, license.id),
    ).toBeNull();
    expect(
      await licenses.findOwnedWithEvaluationInputs(
        owner.id,
        '00000000-0000-4000-8000-000000000000',
      ),
    ).toBeNull();
  });

  it('gives a new credit-log fingerprint for every change of a credit, and never an old one again', async () => {
    const seen = [(await inputs()).creditLogFingerprint];
    const expectNew = async () => {
      const now = (await inputs()).creditLogFingerprint;
      expect(seen).not.toContain(now);
      seen.push(now);
    };
    const a = await credits.create(owner.id, course, actor);
    await expectNew();
    const b = await credits.create(
      owner.id,
      { ...course, hours: 1, practiceClinical: 1 },
      actor,
    );
    await expectNew();
    await credits.change(
      owner.id,
      a.id,
      a.version,
      { title: 'Renamed' },
      'updated',
      actor,
    );
    await expectNew();
    await credits.change(
      owner.id,
      b.id,
      null,
      { deletedAt: new Date() },
      'deleted',
      actor,
    );
    await expectNew();
    await credits.change(
      owner.id,
      b.id,
      null,
      { deletedAt: null },
      'restored',
      actor,
    );
    await expectNew();
    // Another user's credits are not part of it.
    const before = (await inputs()).creditLogFingerprint;
    await credits.create(other.id, course, { id: other.id, name: 'P' });
    expect((await inputs()).creditLogFingerprint).toBe(before);
    expect(await ds.getRepository(CreditEventEntity).count()).toBe(6);
    expect(await ds.getRepository(CreditEntity).count()).toBe(3);
  });

  it('reads the advocacy floor and the license version as they are now', async () => {
    await settings.update(owner.id, { advocacyFloorPercent: 12.5 });
    expect((await inputs()).advocacyFloorPercent).toBe(12.5);
    await settings.update(owner.id, { advocacyFloorPercent: null });
    expect((await inputs()).advocacyFloorPercent).toBeNull();
    const version = (await inputs()).license.version;
    await licenses.updateIfVersion(owner.id, license.id, version, {
      number: '44SC2',
    });
    expect((await inputs()).license).toMatchObject({
      number: '44SC2',
      version: version + 1,
    });
  });

  it('answers lookups made together in one statement, each with its own result', async () => {
    const theirs = await licenses.create(other.id, {
      jurisdiction: 'NY',
      licenseType: 'LCSW',
      number: 'NY-1',
      issuedOn: '2019-01-01',
      birthDate: null,
      renewsOn: null,
      roles: [],
    });
    await settings.update(other.id, { advocacyFloorPercent: 20 });
    const statements: string[] = [];
    const pool = (
      ds.driver as unknown as {
        master: { query: (...a: unknown[]) => unknown };
      }
    ).master;
    const query = pool.query.bind(pool);
    pool.query = (...args: unknown[]) => {
      const config = args[0] as { name?: string };
      if (config.name) statements.push(config.name);
      return query(...args);
    };
    try {
      const [mine, again, someoneElses, notMine, malformed, missing] =
        await Promise.all([
          licenses.findOwnedWithEvaluationInputs(owner.id, license.id),
          licenses.findOwnedWithEvaluationInputs(
            owner.id,
            license.id.toUpperCase(),
          ),
          licenses.findOwnedWithEvaluationInputs(other.id, theirs.id),
          licenses.findOwnedWithEvaluationInputs(owner.id, theirs.id),
          licenses.findOwnedWithEvaluationInputs(owner.id, 'not-a-uuid'),
          licenses.findOwnedWithEvaluationInputs(
            other.id,
            '00000000-0000-4000-8000-000000000000',
          ),
        ]);
      expect(statements).toHaveLength(1);
      expect(mine?.license.id).toBe(license.id);
      expect(again?.license).toEqual(mine?.license);
      expect(again?.license).not.toBe(mine?.license);
      expect(mine?.advocacyFloorPercent).toBeNull();
      expect(someoneElses?.license).toMatchObject({
        id: theirs.id,
        number: 'NY-1',
      });
      expect(someoneElses?.advocacyFloorPercent).toBe(20);
      expect(someoneElses?.creditLogFingerprint).not.toBe(
        mine?.creditLogFingerprint,
      );
      expect([notMine, malformed, missing]).toEqual([null, null, null]);

      // A lookup made after a change has committed is never answered by an earlier statement.
      const before = await licenses.findOwnedWithEvaluationInputs(
        owner.id,
        license.id,
      );
      const [, after] = await Promise.all([
        licenses.updateIfVersion(
          owner.id,
          license.id,
          before!.license.version,
          { number: 'LATER' },
        ),
        new Promise((ok) => setTimeout(ok, 50)).then(() =>
          licenses.findOwnedWithEvaluationInputs(owner.id, license.id),
        ),
      ]);
      expect(after?.license.number).toBe('LATER');
    } finally {
      pool.query = query;
    }
  });
});
