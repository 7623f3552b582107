/**
 * Secrets sealed in the SQLite file, in their own table (the key file next to it: `$FLUX_HOME` for
 * the default runtime).
 */
import { SealedSecrets, SecretCipher } from '../engine/secrets.js';
import type { SqlDatabase } from './sql-database.js';

export class SqliteSecrets extends SealedSecrets {
  constructor(
    private readonly db: SqlDatabase,
    keyPath: string,
  ) {
    super(new SecretCipher(keyPath));
    db.exec('CREATE TABLE IF NOT EXISTS sealed_secrets (name TEXT PRIMARY KEY, sealed BLOB NOT NULL) WITHOUT ROWID');
  }

  protected async write(name: string, sealed: Buffer): Promise<void> {
    this.db.prepare('INSERT OR REPLACE INTO sealed_secrets (name, sealed) VALUES (?, ?)').run(name, sealed);
  }

  protected async read(name: string): Promise<Uint8Array | undefined> {
    const row = this.db.prepare('SELECT sealed FROM sealed_secrets WHERE name = ?').get(name) as
      | { sealed: Buffer }
      | undefined;
    return row?.sealed;
  }

  async delete(name: string): Promise<void> {
    this.db.prepare('DELETE FROM sealed_secrets WHERE name = ?').run(name);
  }
}
