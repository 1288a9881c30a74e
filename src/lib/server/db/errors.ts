/**
 * What went wrong with the database, in the terms the rest of the app acts on: the
 * database cannot be reached right now (answer 503 and retry later), or it is reachable
 * but not set up for this version of the app (503 until someone migrates it). Anything
 * else is a bug or bad data and stays a plain error.
 */
export type UnavailableReason = 'unreachable' | 'misconfigured' | 'not_migrated' | 'closing';

export class DatabaseUnavailableError extends Error {
	override readonly name = 'DatabaseUnavailableError';
	constructor(
		readonly reason: UnavailableReason,
		options: { cause: unknown }
	) {
		super(`database ${reason.replace('_', ' ')}: ${describe(options.cause)}`, options);
	}
}

export function isDatabaseUnavailable(error: unknown): error is DatabaseUnavailableError {
	return error instanceof DatabaseUnavailableError;
}

function describe(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** The SQLSTATE of a server error, or the errno code of a socket error. */
function codeOf(error: unknown): string | undefined {
	if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
	return typeof error.code === 'string' ? error.code : undefined;
}

// Socket-level failures: the server is down, restarting, or the network dropped us.
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
// node-postgres reports a lost or unusable connection with these messages and no code.
const DRIVER_MESSAGES = [
	/^Connection terminated/,
	/^timeout exceeded when trying to connect/,
	/^Client has encountered a connection error and is not queryable/,
	/^Client was closed and is not queryable/,
	/^Cannot use a pool after calling end on the pool/
];

/**
 * True when the connection itself failed (as opposed to the statement): the transaction
 * was rolled back by the server or never began, so running it again on a new connection
 * is safe as long as COMMIT had not been sent.
 */
export function isConnectionLoss(error: unknown): boolean {
	const code = codeOf(error);
	if (code && SOCKET_CODES.has(code)) return true;
	// Class 08: connection exception; 57P01-03: the server is shutting down or starting up;
	// 53300: too many connections.
	if (code && (code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code))) return true;
	const message = describe(error);
	return DRIVER_MESSAGES.some((pattern) => pattern.test(message));
}

/**
 * Wraps `error` as a DatabaseUnavailableError when it means the database cannot serve
 * this request, and returns it unchanged otherwise.
 */
export function classifyDatabaseError(error: unknown): unknown {
	if (isDatabaseUnavailable(error)) return error;
	if (isConnectionLoss(error)) return new DatabaseUnavailableError('unreachable', { cause: error });
	const code = codeOf(error) ?? '';
	// 28xxx: wrong user or password; 3D000: no such database; ENOTFOUND: no such host.
	if (code.startsWith('28') || code === '3D000' || code === 'ENOTFOUND') {
		return new DatabaseUnavailableError('misconfigured', { cause: error });
	}
	// 42P01 undefined table, 42883 undefined function, 3F000 no such schema: the schema is
	// older than the app (or missing), which `npm run db:migrate` fixes.
	if (['42P01', '42883', '3F000'].includes(code)) return new DatabaseUnavailableError('not_migrated', { cause: error });
	// PGlite after close() has begun, while the server shuts down.
	if (/^PGlite is clos(ed|ing)/.test(describe(error))) return new DatabaseUnavailableError('closing', { cause: error });
	return error;
}
