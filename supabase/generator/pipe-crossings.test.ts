import { describe, expect, it } from 'vitest';
import { CLEARANCE_M, clearCrossings, type Run } from './pipe-crossings';

/** A 20 m run along x (or y) through the origin's neighbourhood. */
const run = (over: Partial<Run>): Run => ({
	type: 'water',
	role: 'main',
	from: [-10, 0],
	to: [10, 0],
	depths: [1.2, 1.2],
	radiusM: 0.1,
	abandoned: false,
	...over
});
const across = (over: Partial<Run>) => run({ from: [0, -10], to: [0, 10], ...over });

describe('clearCrossings', () => {
	it('leaves runs that already clear each other straight', () => {
		expect(clearCrossings([run({}), across({ type: 'sewage', depths: [2.0, 2.04], radiusM: 0.2 })])).toEqual([[], []]);
	});

	it('bends the pipe that gives way at the crossing, back to its depth either side', () => {
		const [water, cable] = clearCrossings([run({}), across({ type: 'telecom', depths: [1.15, 1.15], radiusM: 0.15 })]);
		expect(water).toEqual([]);
		const at = cable.find((b) => b.at === 10);
		if (!at) throw new Error('no bend at the crossing');
		expect(Math.abs(at.depth - 1.2) - 0.1 - 0.15).toBeGreaterThanOrEqual(CLEARANCE_M);
		expect(cable[0].depth).toBeCloseTo(1.15);
		expect(cable[cable.length - 1].depth).toBeCloseTo(1.15);
	});

	it('never bends a drain main; a drain from a building only drops more steeply', () => {
		const main = run({ type: 'rain', depths: [1.6, 1.64], radiusM: 0.2 });
		const drain = across({ type: 'sewage', role: 'service', depths: [1.1, 2.4], radiusM: 0.1 });
		const [kept, dropped] = clearCrossings([main, drain]);
		expect(kept).toEqual([]);
		const depths = [1.1, ...dropped.map((b) => b.depth), 2.4];
		for (let k = 1; k < depths.length; k++) expect(depths[k]).toBeGreaterThanOrEqual(depths[k - 1]);
		const at = dropped.find((b) => b.at === 10);
		expect(at && at.depth - 1.62 - 0.3).toBeGreaterThanOrEqual(CLEARANCE_M);
	});

	it('keeps gas under 0.9 m of cover: it passes under a water main it could not clear from above', () => {
		const water = run({ depths: [1.2, 1.2], radiusM: 0.1 });
		const gas = across({ type: 'gas', depths: [1.1, 1.1], radiusM: 0.055 });
		const [kept, bends] = clearCrossings([water, gas]);
		expect(kept).toEqual([]);
		const at = bends.find((b) => b.at === 10);
		expect(at && at.depth).toBeGreaterThanOrEqual(1.2 + 0.1 + 0.055 + CLEARANCE_M);
	});

	it('lets the smaller network give way: a cable bends round a gas main, not the other way', () => {
		const [cable, gas] = clearCrossings([run({ type: 'power', depths: [1.1, 1.1], radiusM: 0.2 }), across({ type: 'gas', depths: [1.1, 1.1], radiusM: 0.055 })]);
		expect(gas).toEqual([]);
		expect(cable.length).toBeGreaterThan(0);
	});

	it('ignores abandoned lines and lines of the same network', () => {
		expect(clearCrossings([run({}), across({ abandoned: true, type: 'gas', depths: [1.2, 1.2] })])).toEqual([[], []]);
		expect(clearCrossings([run({}), across({ role: 'service' })])).toEqual([[], []]);
	});
});
