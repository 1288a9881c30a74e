/**
 * Composes the demo dataset: the district frame from the reference data, then 22 generated
 * communities with 296 buildings whose counts, floor areas and households add up exactly to
 * the published targets, their placement on the map, and their renovation progress.
 * Everything is drawn from one seeded generator, so the output is the same on every run.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { LocalFrame, type LngLat, type XY } from './frame';
import { largestRemainder } from './allocate';
import { elevatorState, specifyBuilding, type BuildingSpec } from './buildings';
import { layoutRows } from './layout';
import { buildingName, communityNames } from './names';
import { generatePlans } from './plans';
import { generatePipes } from './pipes';
import { generateFacilities } from './facilities';
import { placeCommunities, toPlaced } from './place';
import { area, polygon } from '@turf/turf';
import { rectangle, roundRing } from './polygon';
import { DISTRICT_SOURCE, loadReference, type ReferenceData } from './reference';
import { Rng } from './rng';
import { DATA_DATE, milestonesFor, stagesForBatch } from './stages';
import { withBaselines } from './replans';
import { candidateSubmissions } from './cycle';
import { generateHistory } from './history';
import { buildSubdistricts, type SeedSubdistrict } from './subdistricts';
import {
	BATCH_TARGETS,
	DISTRICT_CODE,
	DISTRICT_NAME,
	PROGRAMME_TARGET,
	TARGET_ADOPTED_ON,
	TARGET_SOURCE,
	type BatchTarget
} from './targets';
import type {
	SeedBuilding,
	SeedCommunity,
	SeedDataset,
	SeedProject,
	SeedProjectMilestone,
	SeedTarget
} from './types';

export type * from './types';
export { loadReference, type ReferenceData } from './reference';

/** The fixed seed of the committed demo data (the plan's issue date). */
export const DEFAULT_SEED = 20200727;

/** Origin of the metric layout frame: Zhangdian's urban core. */
const FRAME_ORIGIN: LngLat = [118.05, 36.8];

/**
 * The programme concerns old state-owned housing in the urban sub-districts (街道), not the
 * towns; the central four, the oldest part of the city, get most of the communities.
 */
const COMMUNITIES_PER_STREET: Record<string, number> = {
	公园街道: 4,
	车站街道: 4,
	和平街道: 3,
	体育场街道: 3,
	科苑街道: 2,
	湖田街道: 2,
	四宝山街道: 2,
	马尚街道: 2
};

export interface GenerateOptions {
	seed?: number;
	/** Defaults to the files in supabase/reference/zhangdian. */
	reference?: ReferenceData;
}

/** One community before it is placed: its batch, street, buildings and layout. */
interface Draft {
	target: BatchTarget;
	indexInBatch: number;
	street: SeedSubdistrict;
	specs: BuildingSpec[];
}

function roundedPolygonRing(frame: LocalFrame, ring: readonly XY[]): [number, number][] {
	return roundRing(ring.map((p) => frame.toLngLat(p)));
}

/** The largest polygon's outer ring: the area communities must lie in. */
function mainOuterRing(outline: MultiPolygon): number[][] {
	const rings = outline.coordinates.map((poly) => poly[0]);
	const size = (ring: number[][]) => area(polygon([ring]));
	return rings.reduce((best, r) => (size(r) > size(best) ? r : best));
}

export function generateSeedDataset(options: GenerateOptions = {}): SeedDataset {
	const seed = options.seed ?? DEFAULT_SEED;
	const reference = options.reference ?? loadReference();
	const rng = new Rng(seed);
	const frame = new LocalFrame(FRAME_ORIGIN);

	const subdistricts = buildSubdistricts(reference.subdistricts);
	const byName = new Map(subdistricts.map((s) => [s.name, s]));

	// Which street each community lies in, shuffled across the batches.
	const streets = rng.fork('streets').shuffle(
		Object.entries(COMMUNITIES_PER_STREET).flatMap(([name, n]) => {
			const street = byName.get(name);
			if (!street || street.kind !== 'street') throw new Error(`not an urban sub-district: ${name}`);
			return new Array<SeedSubdistrict>(n).fill(street);
		})
	);
	if (streets.length !== PROGRAMME_TARGET.communities) throw new Error('street quotas must cover every community');

	// Split each batch's totals exactly over its communities and buildings.
	const alloc = rng.fork('allocate');
	const physique = rng.fork('buildings');
	const drafts: Draft[] = [];
	for (const target of BATCH_TARGETS) {
		const buildingCounts = largestRemainder(
			target.buildings,
			Array.from({ length: target.communities }, () => alloc.float(0.6, 1.4)),
			6
		);
		const owner = buildingCounts.flatMap((n, c) => new Array<number>(n).fill(c));
		const communityScale = buildingCounts.map(() => alloc.float(0.85, 1.15));
		const areas = largestRemainder(
			target.floorAreaM2,
			owner.map((c) => communityScale[c] * alloc.float(0.7, 1.3))
		);
		const households = largestRemainder(
			target.households,
			areas.map((a) => a * alloc.float(0.88, 1.12)),
			1
		);
		const eras = buildingCounts.map(() => physique.int(1978, 1999));
		buildingCounts.forEach((_, c) => {
			const specs = owner.flatMap((o, b) =>
				o === c ? [specifyBuilding(physique, areas[b], households[b], eras[c])] : []
			);
			drafts.push({ target, indexInBatch: c, street: streets[drafts.length], specs });
		});
	}

	const residents = largestRemainder(
		PROGRAMME_TARGET.residents,
		drafts.map((d) => d.specs.reduce((s, b) => s + b.households, 0) * alloc.float(0.94, 1.06))
	);

	// Lay out each compound, then find room for it near its street's label point.
	const layoutRng = rng.fork('layout');
	const layouts = drafts.map((d) =>
		layoutRows(layoutRng, d.specs.map((s) => ({ lengthM: s.lengthM, depthM: s.depthM })))
	);
	const outlineXY = mainOuterRing(reference.outline).map((p) => frame.toXY([p[0], p[1]]));
	const placements = placeCommunities(
		rng.fork('place'),
		outlineXY,
		drafts.map((d, i) => ({
			anchor: frame.toXY([d.street.labelPoint.coordinates[0], d.street.labelPoint.coordinates[1]]),
			widthM: layouts[i].widthM,
			heightM: layouts[i].heightM
		}))
	);

	const names = communityNames(rng.fork('names'), drafts.length);
	const ids = rng.fork('ids');
	const facts = rng.fork('facts');
	const progress = rng.fork('progress');
	const stagesByBatch = new Map(
		BATCH_TARGETS.map((t) => [t.year, stagesForBatch(progress, t.year, t.communities)])
	);

	const communities: SeedCommunity[] = [];
	const buildings: SeedBuilding[] = [];
	const projects: SeedProject[] = [];
	const milestones: SeedProjectMilestone[] = [];
	drafts.forEach((d, k) => {
		const stages = stagesByBatch.get(d.target.year);
		const stage = stages?.[d.indexInBatch];
		if (!stage) throw new Error('missing stage');
		const id = ids.uuid();
		const code = `ZD-${d.target.year}-${String(d.indexInBatch + 1).padStart(2, '0')}`;
		const placement = placements[k];
		const boundary: MultiPolygon = {
			type: 'MultiPolygon',
			coordinates: [[roundedPolygonRing(frame, placement.ring)]]
		};
		communities.push({
			id,
			code,
			name: names[k],
			subdistrictCode: d.street.code,
			boundary,
			builtYear: Math.min(...d.specs.map((s) => s.builtYear)),
			landTenure: 'state_owned',
			inCityOrCountySeat: true,
			inRedevelopmentPlan: false,
			mostlySelfBuilt: false,
			poorlyMaintained: true,
			lacksFacilities: true,
			residentsSupportPct: Math.round(facts.float(80, 98) * 10) / 10,
			batchYear: d.target.year,
			households: d.specs.reduce((s, b) => s + b.households, 0),
			residents: residents[k],
			floorAreaM2: d.specs.reduce((s, b) => s + b.floorAreaM2, 0),
			// Professional management takes over once a project is finished (DOMAIN.md §3).
			propertyManagement: stage === 'archived' ? 'professional' : facts.chance(0.5) ? 'simple' : 'none',
			isDemo: true,
			published: true
		});

		d.specs.forEach((spec, i) => {
			const centre = toPlaced(placement, layouts[k].centres[i]);
			const footprint: Polygon = {
				type: 'Polygon',
				coordinates: [roundedPolygonRing(frame, rectangle(centre, spec.lengthM, spec.depthM, placement.angle))]
			};
			buildings.push({
				id: ids.uuid(),
				communityId: id,
				code: `${code}-${String(i + 1).padStart(2, '0')}`,
				name: buildingName(i),
				footprint,
				floors: spec.floors,
				heightM: spec.heightM,
				units: spec.units,
				households: spec.households,
				floorAreaM2: spec.floorAreaM2,
				builtYear: spec.builtYear,
				elevator: elevatorState(facts, spec.floors, stage),
				isDemo: true
			});
		});

		const projectId = ids.uuid();
		projects.push({
			id: projectId,
			communityId: id,
			stage,
			implementingBody: `${d.street.name}办事处`,
			statusAsOf: DATA_DATE,
			isDemo: true
		});
		for (const m of milestonesFor(progress, d.target.year, stage)) milestones.push({ projectId, ...m });
	});

	const schedule = withBaselines(rng.fork('replans'), milestones);

	const targets: SeedTarget[] = [
		...BATCH_TARGETS.map((t) => ({
			periodStart: t.year,
			periodEnd: t.year,
			communities: t.communities,
			buildings: t.buildings,
			floorAreaWanM2: t.floorAreaWanM2,
			households: t.households,
			residents: null
		})),
		{
			periodStart: PROGRAMME_TARGET.periodStart,
			periodEnd: PROGRAMME_TARGET.periodEnd,
			communities: PROGRAMME_TARGET.communities,
			buildings: PROGRAMME_TARGET.buildings,
			floorAreaWanM2: PROGRAMME_TARGET.floorAreaWanM2,
			households: PROGRAMME_TARGET.households,
			residents: PROGRAMME_TARGET.residents
		}
	].map((t) => ({ districtCode: DISTRICT_CODE, ...t, version: 1, source: TARGET_SOURCE, adoptedOn: TARGET_ADOPTED_ON }));

	// Last, from a fork of its own: the plans leave everything drawn before them unchanged.
	const plans = generatePlans(rng.fork('plans'), communities, buildings, projects, milestones, DATA_DATE);

	// The pipelines follow the plans: a network's state comes from its community's plan items.
	const pipes = generatePipes(rng.fork('pipes'), frame, {
		communities,
		buildings,
		projects,
		milestones: schedule.milestones,
		planItems: plans.planItems,
		dataDate: DATA_DATE
	});

	// The facilities follow both: what the plans deliver, placed clear of the pipes.
	const facilities = generateFacilities(rng.fork('facilities'), frame, {
		communities,
		buildings,
		projects,
		milestones: schedule.milestones,
		planItems: plans.planItems,
		pipeSegments: pipes.pipeSegments,
		dataDate: DATA_DATE
	});

	const dataset: Omit<SeedDataset, 'history'> = {
		seed,
		dataDate: DATA_DATE,
		district: { code: DISTRICT_CODE, name: DISTRICT_NAME, outline: reference.outline, source: DISTRICT_SOURCE },
		subdistricts,
		communities,
		buildings,
		projects,
		milestones: schedule.milestones,
		replans: schedule.replans,
		submissions: candidateSubmissions(rng.fork('cycle'), subdistricts),
		targets,
		...plans,
		...pipes,
		...facilities
	};
	return { ...dataset, history: generateHistory(dataset) };
}
