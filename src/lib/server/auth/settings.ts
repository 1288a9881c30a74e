/** A working day: a session started in the morning lasts until the evening, then the user signs in again. */
const DEFAULT_SESSION_TTL_S = 12 * 3600;

/** SESSION_TTL_S: how long a local session lasts from sign-in, in seconds (tests shorten it). */
export function sessionTtlS(env: NodeJS.ProcessEnv = process.env): number {
	const raw = env.SESSION_TTL_S;
	if (raw === undefined || raw === '') return DEFAULT_SESSION_TTL_S;
	const value = Number(raw);
	if (!Number.isInteger(value) || value <= 0) throw new Error(`SESSION_TTL_S must be a whole number of seconds above 0, not "${raw}"`);
	return value;
}

/** Supabase Auth is used when the project's address and public key are both given. */
export function wantsSupabase(env: NodeJS.ProcessEnv = process.env): boolean {
	return Boolean(env.PUBLIC_SUPABASE_URL && env.PUBLIC_SUPABASE_ANON_KEY);
}
