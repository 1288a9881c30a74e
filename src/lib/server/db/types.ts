/** A SQL value as both drivers accept it as a parameter. */
export type SqlParam = string | number | boolean | null | Date;

/** The part of a connection every query needs; both backends provide it. */
export interface Queryable {
	query<Row>(sql: string, params?: SqlParam[]): Promise<Row[]>;
	/** Runs a script of several statements without parameters. */
	exec(sql: string): Promise<void>;
}

/** A database: one of our two backends behind the same face. */
export interface Database extends Queryable {
	readonly kind: 'pglite' | 'postgres';
	/**
	 * Runs `fn` in one transaction; it commits when `fn` resolves and rolls back when it
	 * throws. If the connection is lost before COMMIT, `fn` runs again on a new one, so it
	 * must do nothing outside the database. A database that cannot serve the request
	 * rejects with a DatabaseUnavailableError.
	 */
	transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
	close(): Promise<void>;
}
