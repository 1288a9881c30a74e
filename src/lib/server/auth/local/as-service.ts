import { asCaller, type Caller, type Database, type Queryable } from '../../db';

// The account tables (schema accounts) are service_role's alone: password hashes and session
// tokens are nobody else's business. This is the one place in the app that acts as
// service_role for them; everything else runs as the request's own caller.
const SERVICE_ROLE: Caller = { role: 'service_role' };

export function withAccountTables<T>(db: Database, fn: (tx: Queryable) => Promise<T>): Promise<T> {
	return asCaller(db, SERVICE_ROLE, fn);
}
