/**
 * The part of a SQLite connection that code outside the SQLite store uses (the sealed secrets
 * table). better-sqlite3's `Database` fits it; declaring it here keeps better-sqlite3's types, which
 * are not a dependency of the package, out of the declarations users compile against.
 */
export interface SqlStatement {
  run(...params: unknown[]): unknown;
  get(...params: unknown[]): unknown;
}

export interface SqlDatabase {
  exec(sql: string): unknown;
  prepare(sql: string): SqlStatement;
}
