/**
 * `npm run backup -- <file>` (compiled, as in the container: `node dist/cli/backup.js <file>`): a consistent copy of the database DATABASE_URL names, safe while the bot runs.
 * Restore: stop the bot, copy the backup over the database file (removing its -wal and -shm files), start.
 */
import { ConfigError, loadConfig } from '../config/config.js';
import { BackupError, backupDatabase } from '../infra/sqlite/backup.js';
import { databasePath } from '../infra/sqlite/sqlite-store.js';

const target = process.argv[2];
if (!target || target.startsWith('-') || process.argv.length > 3) {
  console.error('usage: npm run backup -- <file>, or compiled: node dist/cli/backup.js <file>   (copies the database DATABASE_URL names to <file>)');
  process.exit(2);
}

try {
  const config = loadConfig();
  const source = databasePath(config.DATABASE_URL);
  const result = await backupDatabase(source, target);
  console.log(`backed up ${source} to ${result.target} (${result.pages} pages, ${result.bytes} bytes)`);
} catch (error) {
  if (error instanceof ConfigError || error instanceof BackupError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
