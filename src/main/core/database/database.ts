import Database from 'better-sqlite3';
import { say } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  /** Electron loads a copy of better-sqlite3 built for its own ABI from here. */
  nativeBinding?: string;
  /** Tests open databases at an older version to check migrations. */
  migrations?: Migration[];
}

/**
 * Opens (or creates) the library database in WAL mode and brings its schema up to date.
 * A database written by a newer Holst is refused and left exactly as it is.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  let db: Db;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw HolstError.said('storage', say('databaseOpenFailed', { file, reason: (error as Error).message }), { cause: error });
  }
  try {
    const migrations = options.migrations ?? MIGRATIONS;
    const latest = migrations.at(-1)?.version ?? 0;
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > latest) {
      throw HolstError.said('storage', say('databaseTooNew', { file, version: current, known: latest }));
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      db.transaction(() => {
        db.exec(migration.sql);
        db.pragma(`user_version = ${migration.version}`);
      })();
    }
    return db;
  } catch (error) {
    db.close();
    if (error instanceof HolstError) throw error;
    throw HolstError.said('storage', say('databasePrepareFailed', { file, reason: (error as Error).message }), { cause: error });
  }
}

export { LATEST_SCHEMA_VERSION };
