/**
 * Lays a community's slabs out in rows, as planned estates of the era were: long sides
 * facing south, rows separated by a sunlight spacing, a margin to the compound wall. The
 * result is in the community's own metric frame (centre at 0,0, not yet rotated).
 */
import type { XY } from './frame';
import type { Rng } from './rng';

export interface Slab {
	lengthM: number;
	depthM: number;
}

export interface CommunityLayout {
	widthM: number;
	heightM: number;
	/** Centre of each slab, in the order given. */
	centres: XY[];
}

/** Gaps well above the 8 m the data promise between buildings. */
const GAP_ALONG_ROW_M: readonly [number, number] = [10, 16];
const ROW_SPACING_M: readonly [number, number] = [16, 24];
const MARGIN_M: readonly [number, number] = [16, 26];
export const MIN_SIDE_M = 120;
export const MAX_SIDE_M = 450;

export function layoutRows(rng: Rng, slabs: readonly Slab[]): CommunityLayout {
	const gap = rng.float(...GAP_ALONG_ROW_M);
	const spacing = rng.float(...ROW_SPACING_M);
	const margin = rng.float(...MARGIN_M);
	// Aim for a compound somewhat wider than deep: rows run east–west.
	const cellArea = slabs.reduce((s, b) => s + (b.lengthM + gap) * (b.depthM + spacing), 0);
	const longest = Math.max(...slabs.map((b) => b.lengthM));
	const rowWidth = Math.max(longest, Math.sqrt(cellArea * rng.float(1.0, 1.8)));

	// Fill rows greedily in the given order.
	const rows: { members: number[]; width: number; depth: number }[] = [];
	slabs.forEach((b, i) => {
		const row = rows[rows.length - 1];
		if (row && row.width + gap + b.lengthM <= rowWidth) {
			row.members.push(i);
			row.width += gap + b.lengthM;
			row.depth = Math.max(row.depth, b.depthM);
		} else {
			rows.push({ members: [i], width: b.lengthM, depth: b.depthM });
		}
	});

	const innerWidth = Math.max(...rows.map((r) => r.width));
	const innerHeight = rows.reduce((s, r) => s + r.depth, 0) + spacing * (rows.length - 1);
	const widthM = Math.min(MAX_SIDE_M, Math.max(MIN_SIDE_M, innerWidth + 2 * margin));
	const heightM = Math.min(MAX_SIDE_M, Math.max(MIN_SIDE_M, innerHeight + 2 * margin));
	if (innerWidth + 2 * margin > MAX_SIDE_M || innerHeight + 2 * margin > MAX_SIDE_M)
		throw new Error(`layout of ${slabs.length} buildings exceeds ${MAX_SIDE_M} m`);

	// Rows from south to north, each centred east–west; the block centred in the compound.
	const centres: XY[] = new Array<XY>(slabs.length);
	let y = -innerHeight / 2;
	for (const row of rows) {
		let x = -row.width / 2;
		for (const i of row.members) {
			const b = slabs[i];
			// Align slabs on the row's south edge line, so rows read as rows.
			centres[i] = [x + b.lengthM / 2, y + b.depthM / 2];
			x += b.lengthM + gap;
		}
		y += row.depth + spacing;
	}
	return { widthM, heightM, centres };
}
