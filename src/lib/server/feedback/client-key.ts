import { createHmac, randomBytes } from 'node:crypto';

const holder: { secret?: string } = {};

/**
 * The key of the HMAC: FEEDBACK_SECRET when set (at least 32 characters), else random bytes
 * made once per process. A per-process key keeps addresses just as unreadable; the limit
 * only starts afresh with each restart, which is fine for the embedded default.
 */
export function feedbackSecret(env: NodeJS.ProcessEnv = process.env): string {
	const configured = env.FEEDBACK_SECRET;
	if (configured !== undefined && configured.length >= 32) return configured;
	if (configured) throw new Error('FEEDBACK_SECRET must be at least 32 characters long');
	holder.secret ??= randomBytes(32).toString('hex');
	return holder.secret;
}

/**
 * The rate limit's name for a client: HMAC-SHA256 of its address under the server's secret,
 * in hex. The database keeps only this, and without the secret it cannot be turned back into
 * an address (IPv4's few billion values would fall to a plain hash in minutes).
 */
export function clientKey(address: string, secret: string = feedbackSecret()): string {
	return createHmac('sha256', secret).update(address).digest('hex');
}
