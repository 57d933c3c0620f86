// Prints the SQL the entities need beyond what the migrations create: the body of the next migration.
//   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/db/schema-diff.ts postgres://…/empty_db
import 'reflect-metadata';
import { createDataSource, pendingSchemaChanges, runMigrations } from '../../libs/api/data-access/src/lib/data-source';

async function main(): Promise<void> {
  const url = process.argv[2];
  if (!url) throw new Error('usage: schema-diff.ts DATABASE_URL (an empty scratch database)');
  const ds = createDataSource(url);
  await ds.initialize();
  await runMigrations(ds);
  for (const q of await pendingSchemaChanges(ds)) process.stdout.write(`${q};\n`);
  await ds.destroy();
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
