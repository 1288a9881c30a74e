/**
 * The physical make-up of one residential building: a 1980s–2000s walk-up slab (多层板楼)
 * whose size follows from the floor area allocated to it.
 */
import type { ElevatorState } from '../../src/lib/domain/types';
import type { Stage } from '../../src/lib/domain/stages';
import { stageIndex } from '../../src/lib/domain/stages';
import type { Rng } from './rng';

export interface BuildingSpec {
	floorAreaM2: number;
	households: number;
	floors: number;
	depthM: number;
	lengthM: number;
	heightM: number;
	units: number;
	builtYear: number;
}

/** Slabs longer or shorter than this get a floor more or less, as real ones would. */
const MAX_LENGTH_M = 85;
const MIN_LENGTH_M = 24;
export const EARLIEST_BUILT_YEAR = 1978;
export const LATEST_BUILT_YEAR = 2004;

/**
 * Floors mostly 5–6 (some 4 and 7), depth 10–14 m, and a length that makes the footprint
 * exactly floor area ÷ floors. Units (单元, one stair each) serve two flats per floor.
 */
export function specifyBuilding(rng: Rng, floorAreaM2: number, households: number, eraYear: number): BuildingSpec {
	let floors = rng.weighted<number>([
		[4, 0.1],
		[5, 0.38],
		[6, 0.42],
		[7, 0.1]
	]);
	const depthM = Math.round(rng.float(10, 14) * 10) / 10;
	const lengthFor = (f: number) => floorAreaM2 / f / depthM;
	while (lengthFor(floors) > MAX_LENGTH_M && floors < 7) floors++;
	while (lengthFor(floors) < MIN_LENGTH_M && floors > 4) floors--;
	const storeyM = rng.float(2.9, 3.0);
	return {
		floorAreaM2,
		households,
		floors,
		depthM,
		lengthM: lengthFor(floors),
		heightM: Math.round(floors * storeyM * 10) / 10,
		units: Math.max(1, Math.ceil(households / (floors * 2))),
		builtYear: Math.min(LATEST_BUILT_YEAR, Math.max(EARLIEST_BUILT_YEAR, eraYear + rng.int(0, 4)))
	};
}

/**
 * Lifts are rare in walk-ups; the renovation encourages retrofitting them (加装电梯) on
 * buildings of six floors or more, so some of those in projects already under way have
 * one planned, and some finished ones have one installed.
 */
export function elevatorState(rng: Rng, floors: number, stage: Stage): ElevatorState {
	if (floors < 6) return 'none';
	const reached = stageIndex(stage);
	if (reached >= stageIndex('acceptance') && rng.chance(0.15)) return 'retrofitted';
	if (reached >= stageIndex('construction') && rng.chance(0.12)) return 'retrofit_planned';
	return 'none';
}
