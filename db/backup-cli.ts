/**
 * `npm run db:backup -- FILE` and `npm run db:restore -- FILE` (stop the server and any ingest
 * before a restore).
 */
import { BackupError, backupDatabase, restoreDatabase } from './backup.ts';
import { databaseSettings } from './env.ts';
import { parseSettings, SettingsError } from './settings.ts';

async function main(): Promise<number> {
	const [command, file] = process.argv.slice(2);
	if ((command !== 'backup' && command !== 'restore') || file === undefined) {
		console.error('usage: node db/backup-cli.ts backup|restore FILE');
		return 2;
	}
	try {
		const env = parseSettings(databaseSettings);
		if (command === 'backup') {
			await backupDatabase(env.DATABASE_URL, file);
			console.log(`Backed up ${env.DATABASE_URL} to ${file}.`);
		} else {
			await restoreDatabase(env.DATABASE_URL, file);
			console.log(`Restored ${env.DATABASE_URL} from ${file}.`);
		}
		return 0;
	} catch (error) {
		if (error instanceof SettingsError) console.error(error.message);
		else if (error instanceof BackupError) console.error(`${command}: ${error.message}`);
		else throw error;
		return 1;
	}
}

process.exitCode = await main();
