import pg from 'pg';
import { addOwner, addTill, migrateHq } from '../electron/core/hq/schema.ts';

/**
 * The owner's head-office commands (issue 23; docs/head-office.md), run with an administrator's URL:
 *   npm run hq:init -- <admin-url>                       creates or upgrades the schema
 *   npm run hq:add-till -- <admin-url> <till> [outlet]   a login for one till
 *   npm run hq:owner -- <admin-url> <name>               a login that reads every till
 * A new login's password is printed once, here, and stored nowhere by this command.
 */
const [command, adminUrl, name, outlet] = process.argv.slice(2);
const usage = 'usage: hq.ts init <admin-url> | add-till <admin-url> <till name> [outlet] | owner <admin-url> <name>';
if (!adminUrl || (command !== 'init' && !name)) {
  console.error(usage);
  process.exit(2);
}

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
try {
  const version = await migrateHq(admin);
  if (command === 'init') {
    console.log(`Head-office schema at version ${version}.`);
  } else if (command === 'add-till' || command === 'owner') {
    const login = command === 'add-till' ? await addTill(admin, name!, outlet ?? '') : await addOwner(admin, name!);
    const url = new URL(adminUrl);
    url.username = login.role;
    url.password = '';
    url.search = '';
    console.log(`Login:    ${login.role}\nPassword: ${login.password}  (shown once; type it into the till's Settings)\nURL:      ${url.toString()}`);
  } else {
    console.error(usage);
    process.exitCode = 2;
  }
} finally {
  await admin.end();
}
