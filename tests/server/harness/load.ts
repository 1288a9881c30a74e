/** What one request got: a status, or the error that replaced any answer. */
export interface Outcome {
	status?: number;
	retryAfter?: string | null;
	error?: string;
	ms: number;
}

export async function request(url: string, init: RequestInit = {}): Promise<Outcome> {
	const started = performance.now();
	try {
		const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
		await response.arrayBuffer(); // the whole body, or the error that cut it off
		return { status: response.status, retryAfter: response.headers.get('retry-after'), ms: performance.now() - started };
	} catch (error) {
		const cause = (error as { cause?: { code?: string } }).cause;
		return { error: `${(error as Error).message}${cause?.code ? ` (${cause.code})` : ''}`, ms: performance.now() - started };
	}
}

/**
 * Keeps `clients` clients requesting `url` one request after another while `during` runs,
 * and returns every outcome: bounded load, as a few residents and planners make it.
 */
export async function underLoad(url: string, clients: number, during: () => Promise<void>): Promise<Outcome[]> {
	const outcomes: Outcome[] = [];
	let running = true;
	const loops = Array.from({ length: clients }, async () => {
		while (running) outcomes.push(await request(url));
	});
	try {
		await during();
	} finally {
		running = false;
		await Promise.all(loops);
	}
	return outcomes;
}

/** Counts by status (or error), for assertion messages a person can read. */
export function tally(outcomes: Outcome[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const o of outcomes) {
		const key = o.error ? `error: ${o.error}` : String(o.status);
		counts[key] = (counts[key] ?? 0) + 1;
	}
	return counts;
}
