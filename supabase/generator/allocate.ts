/**
 * Exact integer apportionment by the largest-remainder (Hamilton) method: split an integer
 * total in proportion to weights so the parts are integers and add up to the total exactly,
 * which is what lets the demo data match the published targets to the unit.
 */
export function largestRemainder(total: number, weights: readonly number[], minimum = 0): number[] {
	if (!Number.isInteger(total) || total < 0) throw new Error(`total must be a non-negative integer: ${total}`);
	if (weights.length === 0) {
		if (total !== 0) throw new Error('cannot allocate a non-zero total over no parts');
		return [];
	}
	if (weights.some((w) => !(w >= 0) || !Number.isFinite(w))) throw new Error('weights must be finite and ≥ 0');
	const rest = total - minimum * weights.length;
	if (rest < 0) throw new Error(`total ${total} is below ${weights.length} × minimum ${minimum}`);
	const sum = weights.reduce((s, w) => s + w, 0);
	// All-zero weights: split evenly.
	const shares = weights.map((w) => (sum > 0 ? (rest * w) / sum : rest / weights.length));
	const parts = shares.map((s) => Math.floor(s));
	let left = rest - parts.reduce((s, p) => s + p, 0);
	// Largest fractional part first; ties go to the earlier index, so the result is stable.
	const order = shares
		.map((s, i) => ({ i, r: s - Math.floor(s) }))
		.sort((x, y) => y.r - x.r || x.i - y.i);
	for (const { i } of order) {
		if (left <= 0) break;
		parts[i]++;
		left--;
	}
	return parts.map((p) => p + minimum);
}
