/**
 * The parking and facilities of each demo community (停车与配套设施): what it had before its
 * renovation (a couple of small parking lots, bin points, a notice board, now and then an
 * old shed or a community room), and what its plan items deliver — parking lots with
 * charger-equipped spaces and a charging station for a 'parking' item, sheds for
 * 'bike_sheds', lockers and mailboxes for 'mailboxes_lockers', a room for a room item —
 * with capacities that add up to the item's quantity and states that follow the item's
 * progress: planned while it is planned, built (dated between the start of construction
 * and acceptance, or the data date) once done, in part while it is under way.
 *
 * Everything stands in open ground between the buildings (free-space.ts), and structures
 * keep the pipelines' clearances — except one charging station, placed on purpose 0.6 m
 * from a gas line in the community CLEARANCE_DEMO names, so that the clearance check
 * (public.facility_clearance_conflicts) has something to show.
 */
import type { Point, Polygon } from 'geojson';
import type { FacilityKind, FacilityState } from '../../src/lib/domain/enums.gen';
import type { FacilityProperties } from '../../src/lib/domain/facilities';
import type { LocalFrame } from './frame';
import { FreeSpace, type Box } from './free-space';
import type { SeedPipeSegment } from './pipes';
import type { Rng } from './rng';
import type { SeedBuilding, SeedCommunity, SeedPlanItem, SeedProject, SeedProjectMilestone } from './types';

/** One row of public.facilities. */
/** A facility as the app reads it, with its geometry: what the seed writes. */
export interface SeedFacility extends FacilityProperties {
	geom: Point | Polygon;
}

/**
 * How each kind is laid out, as public.facility_kinds describes it (catalogue item,
 * geometry, structure or not), with a footprint in metres: an area's size, or the room a
 * point's thing takes up (a row of charging piles, a locker bank, a small pavilion).
 */
interface KindLayout {
	catalogue: string;
	geometry: 'point' | 'polygon';
	structure: boolean;
	size: [number, number];
}
export const KIND_LAYOUT: Partial<Record<FacilityKind, KindLayout>> = {
	parking: { catalogue: 'parking', geometry: 'polygon', structure: false, size: [2.5, 5.5] }, // per space, in a row
	ev_charger: { catalogue: 'parking', geometry: 'point', structure: true, size: [4, 2] },
	bike_shed: { catalogue: 'bike_sheds', geometry: 'polygon', structure: true, size: [10, 4] },
	express_locker: { catalogue: 'mailboxes_lockers', geometry: 'point', structure: true, size: [4, 1.5] },
	mailbox: { catalogue: 'mailboxes_lockers', geometry: 'point', structure: false, size: [2, 1] },
	bulletin_board: { catalogue: 'bulletin_boards', geometry: 'point', structure: false, size: [3, 1] },
	sanitation_point: { catalogue: 'sanitation', geometry: 'point', structure: false, size: [4, 2] },
	community_service_room: { catalogue: 'community_service_room', geometry: 'point', structure: true, size: [8, 6] },
	property_service_room: { catalogue: 'property_service_room', geometry: 'point', structure: true, size: [8, 6] },
	elderly_care: { catalogue: 'elderly_care', geometry: 'point', structure: true, size: [12, 8] }
};

/** The charging station the clearance check flags, and why it is there. */
export const CLEARANCE_DEMO = {
	kind: 'ev_charger',
	pipelineType: 'gas',
	offsetM: 0.6,
	note: '示例数据：有意放在距燃气管线 0.6 m 处，小于 GB 50289-2016 表4.1.9 要求的 1.0 m，供净距检查演示'
} as const;

export interface FacilityInputs {
	communities: readonly SeedCommunity[];
	buildings: readonly SeedBuilding[];
	projects: readonly SeedProject[];
	milestones: readonly SeedProjectMilestone[];
	planItems: readonly SeedPlanItem[];
	pipeSegments: readonly SeedPipeSegment[];
	dataDate: string;
}

/** A parking lot holds this many spaces in one row at most. */
const LOT_SPACES: readonly [number, number] = [8, 14];
/** Share of a new lot's spaces equipped with chargers; an old lot has none. */
const CHARGING_SHARE: readonly [number, number] = [0.2, 0.35];

const DAY_MS = 86_400_000;
const toDays = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const toIso = (days: number) => new Date(days * DAY_MS).toISOString().slice(0, 10);

/** The community CLEARANCE_DEMO uses: the first with a parking item still planned and a gas line. */
export function clearanceDemoCommunity(inputs: FacilityInputs): SeedCommunity {
	const found = inputs.communities.find(
		(c) =>
			inputs.planItems.some((i) => i.communityId === c.id && i.catalogueCode === 'parking' && i.status === 'planned') &&
			inputs.pipeSegments.some((s) => s.communityId === c.id && s.pipelineType === 'gas' && s.state !== 'abandoned')
	);
	if (!found) throw new Error('no community for the clearance demo');
	return found;
}

/** Builds one community's rows. */
class CommunityFacilities {
	readonly rows: SeedFacility[] = [];

	constructor(
		private readonly rng: Rng,
		private readonly ids: Rng,
		private readonly space: FreeSpace,
		private readonly communityId: string,
		/** The days construction ran between, or null before it started. */
		private readonly works: { from: number; to: number } | null
	) {}

	private box(kind: FacilityKind, size: [number, number]): Box {
		const layout = KIND_LAYOUT[kind];
		if (!layout) throw new Error(`no layout for ${kind}`);
		const box = this.space.place(this.rng, size[0], size[1], layout.structure);
		if (!box) throw new Error(`no room for a ${kind} in community ${this.communityId}`);
		return box;
	}

	add(kind: FacilityKind, box: Box, state: FacilityState, capacity: number, extra: Partial<SeedFacility> = {}) {
		const layout = KIND_LAYOUT[kind];
		if (!layout) throw new Error(`no layout for ${kind}`);
		const builtOn = state === 'built' && this.works ? toIso(Math.floor(this.rng.float(this.works.from, this.works.to))) : null;
		this.rows.push({
			id: this.ids.uuid(),
			communityId: this.communityId,
			kind,
			state: state === 'built' && !builtOn ? 'planned' : state,
			capacity,
			chargers: null,
			planItemId: null,
			builtOn,
			name: null,
			note: null,
			geom: layout.geometry === 'point' ? this.space.point(box) : this.space.polygon(box),
			isDemo: true,
			...extra
		});
	}

	/** A facility of `kind`, of its layout's size, somewhere free. */
	somewhere(kind: FacilityKind, state: FacilityState, capacity: number, extra: Partial<SeedFacility> = {}) {
		const layout = KIND_LAYOUT[kind];
		if (!layout) throw new Error(`no layout for ${kind}`);
		this.add(kind, this.box(kind, layout.size), state, capacity, extra);
	}

	/**
	 * Parking lots for `spaces` spaces in all, each a row of LOT_SPACES; a row that finds no
	 * room is split in two.
	 */
	parking(spaces: number, state: FacilityState, charging: boolean, planItemId: string | null) {
		const queue: number[] = [];
		for (let left = spaces; left > 0; ) {
			let n = Math.min(left, this.rng.int(...LOT_SPACES));
			if (left - n > 0 && left - n < 4) n = left;
			queue.push(n);
			left -= n;
		}
		const [width, depth] = KIND_LAYOUT.parking?.size ?? [2.5, 5.5];
		while (queue.length > 0) {
			const n = queue.shift() ?? 0;
			const box = this.space.place(this.rng, n * width, depth, false);
			if (!box) {
				if (n < 2) throw new Error(`no room for parking in community ${this.communityId}`);
				queue.unshift(Math.floor(n / 2), n - Math.floor(n / 2));
				continue;
			}
			const chargers = charging ? Math.round(n * this.rng.float(...CHARGING_SHARE)) : 0;
			this.add('parking', box, state, n, { chargers, planItemId });
		}
	}
}

/** What is built of an item's `n` facilities: all when done, the share done while under way. */
function builtCount(item: SeedPlanItem, n: number): number {
	if (item.status === 'done') return n;
	if (item.status === 'planned') return 0;
	return Math.floor((n * item.percentComplete) / 100);
}

export function generateFacilities(rng: Rng, frame: LocalFrame, inputs: FacilityInputs): { facilities: SeedFacility[] } {
	const ids = rng.fork('ids');
	const demo = clearanceDemoCommunity(inputs);
	const facilities: SeedFacility[] = [];
	for (const community of inputs.communities) {
		const r = rng.fork(community.code);
		const buildings = inputs.buildings.filter((b) => b.communityId === community.id);
		const project = inputs.projects.find((p) => p.communityId === community.id);
		const milestones = inputs.milestones.filter((m) => m.projectId === project?.id);
		const started = milestones.find((m) => m.stage === 'construction')?.actualOn;
		const accepted = milestones.find((m) => m.stage === 'acceptance')?.actualOn;
		const works = started ? { from: toDays(started), to: toDays(accepted ?? inputs.dataDate) } : null;
		const space = new FreeSpace(
			frame,
			community,
			buildings,
			inputs.pipeSegments.filter((s) => s.communityId === community.id)
		);
		const here = new CommunityFacilities(r, ids, space, community.id, works);

		// The clearance demo first, while the ground beside the gas line is still free.
		const items = inputs.planItems.filter((i) => i.communityId === community.id);
		const demoStation = community.id === demo.id ? space.beside(CLEARANCE_DEMO.pipelineType, CLEARANCE_DEMO.offsetM, 2) : null;
		if (community.id === demo.id && !demoStation) throw new Error('no spot for the clearance demo');

		// Before the renovation.
		here.parking(r.int(6, 20), 'existing', false, null);
		for (let i = 0; i < Math.max(1, Math.round(buildings.length / 4)); i++) here.somewhere('sanitation_point', 'existing', r.int(2, 4));
		here.somewhere('bulletin_board', 'existing', 1);
		if (r.chance(0.4)) here.somewhere('mailbox', 'existing', r.pick(buildings).households);
		if (r.chance(0.3)) here.somewhere('community_service_room', 'existing', r.int(4, 8) * 10);

		// What the plan delivers.
		for (const item of items) {
			const extra = { planItemId: item.id };
			switch (item.catalogueCode) {
				case 'parking': {
					here.parking(item.quantity, 'planned', true, item.id);
					// Lots first, then the station: the item's facilities, in order, built as far as it has got.
					const mine = here.rows.filter((f) => f.planItemId === item.id);
					const built = builtCount(item, mine.length + 1);
					mine.forEach((f, k) => {
						if (k < built) Object.assign(f, { state: 'built', builtOn: works ? toIso(Math.floor(r.float(works.from, works.to))) : null });
					});
					const stationState: FacilityState = built > mine.length ? 'built' : 'planned';
					if (demoStation && item.status === 'planned') {
						here.add('ev_charger', demoStation.box, 'planned', 4, { ...extra, note: CLEARANCE_DEMO.note });
					} else {
						here.somewhere('ev_charger', stationState, r.int(4, 8), extra);
					}
					break;
				}
				case 'bike_sheds':
					for (let k = 0; k < item.quantity; k++) {
						const spaces = r.int(24, 40);
						here.somewhere('bike_shed', k < builtCount(item, item.quantity) ? 'built' : 'planned', spaces, {
							...extra,
							chargers: Math.round(spaces * r.float(0.4, 0.7))
						});
					}
					break;
				case 'mailboxes_lockers':
					for (let k = 0; k < item.quantity; k++) {
						const state = k < builtCount(item, item.quantity) ? 'built' : 'planned';
						if (k % 2 === 0) here.somewhere('express_locker', state, r.int(4, 8) * 15, extra);
						else here.somewhere('mailbox', state, r.pick(buildings).households, extra);
					}
					break;
				case 'property_service_room':
				case 'elderly_care':
					here.somewhere(item.catalogueCode, builtCount(item, 1) === 1 ? 'built' : 'planned', item.quantity, extra);
					break;
			}
		}
		facilities.push(...here.rows.map((f) => (f.state === 'built' && !f.builtOn ? { ...f, state: 'planned' as const } : f)));
	}
	return { facilities };
}
