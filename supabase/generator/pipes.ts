/**
 * The underground networks of each demo community (地下管线): for every type of
 * pipe-specs.ts a link from the street through the compound's gate, a ring main along its
 * perimeter road and a branch main along each road between two rows of buildings, a service
 * line from the nearest main to every building, manholes on the drainage mains and valves on
 * the water and gas mains. Where networks cross, the pipes that can give way bend over or
 * under the others (pipe-crossings.ts). Their
 * states follow the community's plan: what its plan renews is still to renew before
 * construction, partly renewed during it (dated between the construction start and the data
 * date) and renewed after it, with some of the replaced old lines left in the ground,
 * abandoned.
 *
 * The compound is rebuilt from the seeded geometry, not from layout.ts's state: the boundary
 * is the rotated rectangle place.ts made and the buildings stand in rows aligned on their
 * south edges (layout.ts), so in the compound's own frame the roads are the strips between
 * the rows and between the buildings and the boundary.
 */
import type { LineString, Point } from 'geojson';
import { stageIndex } from '../../src/lib/domain/stages';
import type { LocalFrame, XY } from './frame';
import { clearCrossings, type Run } from './pipe-crossings';
import { PIPE_SPECS, PIPELINE_TYPES, type PipelineType, type PipeSize, type PipeSpec, type PipeState } from './pipe-specs';
import { round7 } from './polygon';
import type { Rng } from './rng';
import type { SeedBuilding, SeedCommunity, SeedPlanItem, SeedProject, SeedProjectMilestone } from './types';

export type { PipelineType, PipeState } from './pipe-specs';

/** One row of public.pipe_segments. */
export interface SeedPipeSegment {
	id: string;
	communityId: string;
	pipelineType: PipelineType;
	/** Not a column: whether the generator laid it as a main or a building's service line. */
	role: 'main' | 'service';
	material: string;
	diameterMm: number | null;
	section: string | null;
	depthStartM: number;
	depthEndM: number;
	owner: string;
	state: PipeState;
	renewedOn: string | null;
	/** LineStringZ, WGS84: z is minus the depth in metres. */
	geom: LineString;
	isDemo: boolean;
}

/** One row of public.pipe_nodes: an inspection well (检查井) or a valve (阀门). */
export interface SeedPipeNode {
	id: string;
	communityId: string;
	pipelineType: PipelineType;
	kind: 'manhole' | 'valve';
	depthM: number;
	state: Exclude<PipeState, 'abandoned'>;
	geom: Point;
	isDemo: boolean;
}

export interface DemoPipes {
	pipeSegments: SeedPipeSegment[];
	pipeNodes: SeedPipeNode[];
}

export interface PipeInputs {
	communities: readonly SeedCommunity[];
	buildings: readonly SeedBuilding[];
	projects: readonly SeedProject[];
	milestones: readonly SeedProjectMilestone[];
	planItems: readonly SeedPlanItem[];
	dataDate: string;
}

/** GB 50014 allows 40–75 m between manholes on small sewers; compounds keep closer. */
const MANHOLE_SPACING_M = 35;
/** Split points closer than this are one manhole. */
const SNAP_M = 2;
/** A service line goes through the wall this far, so it ends inside the footprint. */
const INTO_WALL_M = 0.3;
/** Where an old line was replaced, it lies this far beside the new one. */
const ABANDONED_SHIFT_M = 0.7;
const ABANDONED_SHARE = 0.3;
/** The least fall of a drain from a building to its main. */
const SERVICE_SLOPE = 0.01;
/** Each type's service line leaves a building at its own place along the wall. */
const SERVICE_SLOT_M = 1.6;

interface Box {
	x0: number;
	x1: number;
	y0: number;
	y1: number;
}

/** A community in its own frame: centre 0,0, rows running along x. */
interface Site {
	centre: XY;
	angle: number;
	/** The compound's boundary. */
	bound: Box;
	/** The perimeter road's centre line, between the buildings and the boundary. */
	ring: Box;
	/** The corner (south-west, south-east, north-east, north-west) of the gate, where the
	 * street's networks come in and the drains go out. */
	gate: number;
	/** The y of each road between two rows, south to north. */
	corridors: number[];
	buildings: { building: SeedBuilding; box: Box }[];
}

const rotate = ([x, y]: XY, angle: number): XY => [x * Math.cos(angle) - y * Math.sin(angle), x * Math.sin(angle) + y * Math.cos(angle)];

function boxOf(points: readonly XY[]): Box {
	const xs = points.map((p) => p[0]);
	const ys = points.map((p) => p[1]);
	return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
}

function siteOf(frame: LocalFrame, community: SeedCommunity, buildings: readonly SeedBuilding[], gate: number): Site {
	// place.ts's rectangle(): corners south-west, south-east, north-east, north-west, closed.
	const corners = community.boundary.coordinates[0][0].slice(0, 4).map((p) => frame.toXY([p[0], p[1]]));
	const centre: XY = [corners.reduce((s, p) => s + p[0], 0) / 4, corners.reduce((s, p) => s + p[1], 0) / 4];
	const angle = Math.atan2(corners[1][1] - corners[0][1], corners[1][0] - corners[0][0]);
	const toLocal = (p: XY): XY => rotate([p[0] - centre[0], p[1] - centre[1]], -angle);
	const bound = boxOf(corners.map(toLocal));
	const placed = buildings.map((building) => ({
		building,
		box: boxOf(building.footprint.coordinates[0].map((p) => toLocal(frame.toXY([p[0], p[1]]))))
	}));
	const block = {
		x0: Math.min(...placed.map((b) => b.box.x0)),
		x1: Math.max(...placed.map((b) => b.box.x1)),
		y0: Math.min(...placed.map((b) => b.box.y0)),
		y1: Math.max(...placed.map((b) => b.box.y1))
	};
	const ring = {
		x0: (bound.x0 + block.x0) / 2,
		x1: (bound.x1 + block.x1) / 2,
		y0: (bound.y0 + block.y0) / 2,
		y1: (bound.y1 + block.y1) / 2
	};
	// Rows share their south edge (layout.ts); a road runs midway to the next row.
	const rows: Box[][] = [];
	for (const { box } of [...placed].sort((a, b) => a.box.y0 - b.box.y0)) {
		const row = rows[rows.length - 1];
		if (row && Math.abs(row[0].y0 - box.y0) < 0.5) row.push(box);
		else rows.push([box]);
	}
	const corridors = rows.slice(1).map((row, k) => (Math.max(...rows[k].map((b) => b.y1)) + row[0].y0) / 2);
	return { centre, angle, bound, ring, gate, corridors, buildings: placed };
}

/** A straight, axis-parallel run of main between two corners or ends, and where it is cut. */
interface Piece {
	a: XY;
	b: XY;
	kind: 'link' | 'ring' | 'branch';
	cuts: XY[];
}

/**
 * The mains of one network: the link from the street through the gate to the ring, the
 * ring `offset` m inside the perimeter road's centre line, one branch per corridor. The ring
 * comes right after the link, so a network renewed in part is renewed from the gate on.
 */
function piecesAt(site: Site, offset: number): Piece[] {
	const { x0, x1, y0, y1 } = site.ring;
	const corners: XY[] = [
		[x0 + offset, y0 + offset],
		[x1 - offset, y0 + offset],
		[x1 - offset, y1 - offset],
		[x0 + offset, y1 - offset]
	];
	const piece = (a: XY, b: XY, kind: Piece['kind']): Piece => ({ a, b, kind, cuts: [] });
	const gate = corners[site.gate];
	const street: XY = [gate[0], site.gate < 2 ? site.bound.y0 : site.bound.y1];
	const ring = corners.map((c, k) => piece(c, corners[(k + 1) % 4], 'ring'));
	const branches = site.corridors.map((y) => {
		const west: XY = [x0 + offset, y + offset];
		const east: XY = [x1 - offset, y + offset];
		// The branch tees into the ring on both sides.
		ring[1].cuts.push(east);
		ring[3].cuts.push(west);
		return piece(west, east, 'branch');
	});
	return [piece(street, gate, 'link'), ...ring, ...branches];
}

const dist = (p: XY, q: XY) => Math.hypot(p[0] - q[0], p[1] - q[1]);
const along = (piece: Piece, p: XY) => dist(piece.a, p) / dist(piece.a, piece.b);

/** Where a building's service line leaves its wall and meets a main, and which main. */
interface Connection {
	piece: number;
	wall: XY;
	foot: XY;
}

/**
 * The shortest straight run from the building's wall, at the type's slot along it, square
 * onto a main. Mains lie only in the roads, so the nearest is across the road next to the
 * building and the line crosses no other building.
 */
function connect(pieces: readonly Piece[], box: Box, slot: number): Connection {
	let best: Connection | null = null;
	let shortest = Infinity;
	const cx = (box.x0 + box.x1) / 2 + slot * SERVICE_SLOT_M;
	const cy = (box.y0 + box.y1) / 2 + slot * (SERVICE_SLOT_M / 2);
	for (const [i, piece] of pieces.entries()) {
		const horizontal = piece.a[1] === piece.b[1];
		const axis = horizontal ? 0 : 1;
		const at = horizontal ? cx : cy;
		if (at < Math.min(piece.a[axis], piece.b[axis]) || at > Math.max(piece.a[axis], piece.b[axis])) continue;
		// The main's level across the road, and the building's walls facing either way.
		const level = piece.a[1 - axis];
		const [near, far] = horizontal ? [box.y0, box.y1] : [box.x0, box.x1];
		const length = level >= far ? level - far : level <= near ? near - level : Infinity;
		if (length >= shortest) continue;
		const inside = level >= far ? far - INTO_WALL_M : near + INTO_WALL_M;
		shortest = length;
		best = {
			piece: i,
			wall: horizontal ? [at, inside] : [inside, at],
			foot: horizontal ? [at, level] : [level, at]
		};
	}
	if (!best) throw new Error('a building with no main in reach');
	return best;
}

/** Cut `piece` at `p`, or return the cut already within SNAP_M of it. */
function cutAt(piece: Piece, p: XY): XY {
	for (const q of [piece.a, piece.b, ...piece.cuts]) if (dist(p, q) < SNAP_M) return q;
	piece.cuts.push(p);
	return p;
}

/** The piece's points in order from a to b, with extra cuts so no stretch exceeds `spacing`. */
function pointsOf(piece: Piece, spacing: number): XY[] {
	const stops = [piece.a, ...[...piece.cuts].sort((p, q) => along(piece, p) - along(piece, q)), piece.b];
	const out: XY[] = [stops[0]];
	for (let i = 1; i < stops.length; i++) {
		const [p, q] = [stops[i - 1], stops[i]];
		const n = Math.ceil(dist(p, q) / spacing);
		for (let k = 1; k < n; k++) out.push([p[0] + ((q[0] - p[0]) * k) / n, p[1] + ((q[1] - p[1]) * k) / n]);
		out.push(q);
	}
	return out;
}

const DAY_MS = 86_400_000;
const toDays = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const toIso = (days: number) => new Date(days * DAY_MS).toISOString().slice(0, 10);
const round2 = (v: number) => Math.round(v * 100) / 100;

/** How far a network's renewal has got, and the days its work was done between. */
interface Renewal {
	planned: boolean;
	share: number;
	fromDay: number;
	toDay: number;
}

function renewalOf(spec: PipeSpec, items: readonly SeedPlanItem[], stage: SeedProject['stage'], milestones: readonly SeedProjectMilestone[], dataDate: string): Renewal {
	const item = items.find((i) => i.catalogueCode === spec.planItem);
	const started = milestones.find((m) => m.stage === 'construction')?.actualOn;
	const accepted = milestones.find((m) => m.stage === 'acceptance')?.actualOn;
	const none = { planned: item !== undefined, share: 0, fromDay: 0, toDay: 0 };
	if (!item || !started || stageIndex(stage) < stageIndex('construction')) return none;
	const share = item.status === 'done' ? 1 : item.status === 'in_progress' ? item.percentComplete / 100 : 0;
	// Renewed while its item was under way, as the plan dates it (plan-dates.ts), and by the data date.
	const to = Math.min(toDays(item.finishesOn ?? accepted ?? dataDate), toDays(accepted ?? dataDate));
	const from = Math.min(Math.max(toDays(item.startsOn ?? started), toDays(started)), to);
	return { planned: true, share, fromDay: from, toDay: to };
}

/** Builds one community's rows, in its own frame until written out. */
class CommunityPipes {
	readonly segments: SeedPipeSegment[] = [];
	readonly nodes: SeedPipeNode[] = [];
	/** Each segment in the compound's frame, for the crossings (finish). */
	private readonly runs: Run[] = [];
	private readonly ids: Rng;

	constructor(
		private readonly rng: Rng,
		private readonly frame: LocalFrame,
		private readonly site: Site,
		private readonly communityId: string
	) {
		this.ids = rng.fork('ids');
	}

	private position(p: XY, depth: number): number[] {
		const r = rotate(p, this.site.angle);
		const [lng, lat] = this.frame.toLngLat([r[0] + this.site.centre[0], r[1] + this.site.centre[1]]);
		return [round7(lng), round7(lat), -round2(depth)];
	}

	segment(type: PipelineType, role: SeedPipeSegment['role'], size: PipeSize, from: XY, to: XY, depths: [number, number], state: PipeState, renewedOn: string | null) {
		const [d0, d1] = depths.map(round2);
		const height = size.section ? Number(size.section.split('×')[1]) : (size.diameterMm ?? 0);
		this.runs.push({ type, role, from, to, depths: [d0, d1], radiusM: height / 2000, abandoned: state === 'abandoned' });
		this.segments.push({
			id: this.ids.uuid(),
			communityId: this.communityId,
			pipelineType: type,
			role,
			material: size.material,
			diameterMm: size.diameterMm,
			section: size.section,
			depthStartM: d0,
			depthEndM: d1,
			owner: PIPE_SPECS[type].owner,
			state,
			renewedOn,
			geom: { type: 'LineString', coordinates: [this.position(from, d0), this.position(to, d1)] },
			isDemo: true
		});
	}

	/** Bends the pipes that give way where networks cross (pipe-crossings.ts). */
	finish() {
		clearCrossings(this.runs).forEach((bends, i) => {
			if (bends.length === 0) return;
			const { from, to } = this.runs[i];
			const length = dist(from, to);
			const at = (m: number): XY => [from[0] + ((to[0] - from[0]) * m) / length, from[1] + ((to[1] - from[1]) * m) / length];
			const line = this.segments[i].geom.coordinates;
			this.segments[i].geom.coordinates = [line[0], ...bends.map((b) => this.position(at(b.at), b.depth)), line[line.length - 1]];
		});
	}

	node(type: PipelineType, kind: SeedPipeNode['kind'], at: XY, depth: number, state: SeedPipeNode['state']) {
		this.nodes.push({
			id: this.ids.uuid(),
			communityId: this.communityId,
			pipelineType: type,
			kind,
			depthM: round2(depth),
			state,
			geom: { type: 'Point', coordinates: this.position(at, depth) },
			isDemo: true
		});
	}

	network(type: PipelineType, slot: number, renewal: Renewal) {
		const spec = PIPE_SPECS[type];
		const rng = this.rng.fork(type);
		const pieces = piecesAt(this.site, spec.offsetM);
		const connections = this.site.buildings.map(({ box }) => connect(pieces, box, slot));
		// Drainage services join the main at a manhole, never mid-pipe.
		if (spec.gravity) for (const c of connections) c.foot = cutAt(pieces[c.piece], c.foot);

		// Gravity mains fall towards the outfall, where the perimeter road meets the boundary
		// at the gate. Every main lies on one side of it in x and in y, so along any
		// axis-parallel run the distance to it as the roads run changes linearly, and the
		// depth with it.
		const { x0, x1 } = this.site.ring;
		const { y0, y1 } = this.site.bound;
		const outfall: XY = [this.site.gate === 0 || this.site.gate === 3 ? x0 : x1, this.site.gate < 2 ? y0 : y1];
		const farthest = x1 - x0 + (y1 - y0);
		const fall = (p: XY) => spec.mainDepthM + spec.slope * (farthest - Math.abs(p[0] - outfall[0]) - Math.abs(p[1] - outfall[1]));
		const jittered = new Map<string, number>();
		const depthAt = (p: XY) => {
			if (spec.gravity) return fall(p);
			const key = `${p[0].toFixed(2)},${p[1].toFixed(2)}`;
			if (!jittered.has(key)) jittered.set(key, round2(spec.mainDepthM + rng.float(-spec.jitterM, spec.jitterM)));
			return jittered.get(key) ?? spec.mainDepthM;
		};

		// Work in progress has renewed the first pieces: the link, round the ring from the gate, then the branches.
		const renewedPieces = Math.round(renewal.share * pieces.length);
		const typeDay = renewal.fromDay + rng.int(0, Math.floor((renewal.toDay - renewal.fromDay) / 2));
		const dateOf = () => toIso(typeDay + rng.int(0, Math.min(21, renewal.toDay - typeDay)));
		const stateOf = (i: number): SeedPipeNode['state'] => (i < renewedPieces ? 'renewed' : renewal.planned ? 'to_renew' : 'existing');
		const sizes = (i: number) => (stateOf(i) === 'renewed' ? spec.renewed : spec.old);
		const nodeState = new Map<string, SeedPipeNode['state']>();
		const noteNode = (p: XY, state: SeedPipeNode['state']) => {
			const key = `${p[0].toFixed(2)},${p[1].toFixed(2)}`;
			if (nodeState.get(key) === 'renewed') return;
			nodeState.set(key, state);
		};

		pieces.forEach((piece, i) => {
			const state = stateOf(i);
			const size = piece.kind === 'branch' ? sizes(i).branch : sizes(i).ring;
			const points = pointsOf(piece, spec.gravity ? MANHOLE_SPACING_M : Infinity);
			for (let k = 1; k < points.length; k++) {
				let [p, q] = [points[k - 1], points[k]];
				// Drainage runs downhill from start to end.
				if (spec.gravity && depthAt(p) > depthAt(q)) [p, q] = [q, p];
				this.segment(type, 'main', size, p, q, [depthAt(p), depthAt(q)], state, state === 'renewed' ? dateOf() : null);
			}
			if (spec.gravity) for (const p of points) noteNode(p, state);
			if (state === 'renewed' && rng.chance(ABANDONED_SHARE)) {
				const old = piecesAt(this.site, spec.offsetM + ABANDONED_SHIFT_M)[i];
				// An old drain ran downhill too.
				const [a, b] = spec.gravity && depthAt(piece.a) > depthAt(piece.b) ? [old.b, old.a] : [old.a, old.b];
				const [da, db] = a === old.a ? [depthAt(piece.a), depthAt(piece.b)] : [depthAt(piece.b), depthAt(piece.a)];
				this.segment(type, 'main', piece.kind === 'branch' ? spec.old.branch : spec.old.ring, a, b, [da, db], 'abandoned', null);
			}
		});

		connections.forEach((c) => {
			const state = stateOf(c.piece);
			const drawn = spec.serviceDepthM[0] + rng.float(0, spec.serviceDepthM[1] - spec.serviceDepthM[0]);
			const piece = pieces[c.piece];
			const main = spec.gravity ? depthAt(c.foot) : this.depthOnPressureMain(piece, c.foot, depthAt);
			// A drain from a building falls at least 0.01 to the main, as GB 50014 asks of DN200 leads.
			const building = spec.gravity ? Math.min(drawn, main - SERVICE_SLOPE * dist(c.wall, c.foot)) : drawn;
			const renewedOn = state === 'renewed' ? dateOf() : null;
			// Drainage flows out of the building, supply into it.
			if (spec.gravity) this.segment(type, 'service', sizes(c.piece).service, c.wall, c.foot, [building, main], state, renewedOn);
			else this.segment(type, 'service', sizes(c.piece).service, c.foot, c.wall, [main, building], state, renewedOn);
		});

		if (spec.gravity) {
			for (const piece of pieces)
				for (const p of pointsOf(piece, MANHOLE_SPACING_M)) {
					const key = `${p[0].toFixed(2)},${p[1].toFixed(2)}`;
					const state = nodeState.get(key);
					if (!state) continue;
					nodeState.delete(key);
					this.node(type, 'manhole', p, depthAt(p), state);
				}
		} else if (type === 'water' || type === 'gas') {
			// A valve where the supply enters the ring and where each branch leaves it, so
			// one branch can be shut without cutting off the rest.
			pieces.forEach((piece, i) => {
				if (piece.kind === 'link') this.node(type, 'valve', piece.b, depthAt(piece.b), stateOf(i));
				if (piece.kind === 'branch') this.node(type, 'valve', piece.a, depthAt(piece.a), stateOf(i));
			});
		}
	}

	/** A pressure main's depth at `p`, linear between the cut points either side. */
	private depthOnPressureMain(piece: Piece, p: XY, depthAt: (p: XY) => number): number {
		const points = pointsOf(piece, Infinity);
		const t = along(piece, p);
		for (let k = 1; k < points.length; k++) {
			const [ta, tb] = [along(piece, points[k - 1]), along(piece, points[k])];
			if (t >= ta - 1e-9 && t <= tb + 1e-9) {
				const f = tb > ta ? (t - ta) / (tb - ta) : 0;
				return depthAt(points[k - 1]) + f * (depthAt(points[k]) - depthAt(points[k - 1]));
			}
		}
		throw new Error('connection off its main');
	}
}

export function generatePipes(rng: Rng, frame: LocalFrame, data: PipeInputs): DemoPipes {
	const pipeSegments: SeedPipeSegment[] = [];
	const pipeNodes: SeedPipeNode[] = [];
	for (const community of data.communities) {
		const project = data.projects.find((p) => p.communityId === community.id);
		if (!project) throw new Error(`no project for ${community.code}`);
		const milestones = data.milestones.filter((m) => m.projectId === project.id);
		const items = data.planItems.filter((i) => i.communityId === community.id);
		// Forked per community, so one community's draws leave the others unchanged.
		const own = rng.fork(community.code);
		const site = siteOf(frame, community, data.buildings.filter((b) => b.communityId === community.id), own.int(0, 3));
		const pipes = new CommunityPipes(own, frame, site, community.id);
		PIPELINE_TYPES.forEach((type, t) => {
			const renewal = renewalOf(PIPE_SPECS[type], items, project.stage, milestones, data.dataDate);
			pipes.network(type, t - 3, renewal);
		});
		pipes.finish();
		pipeSegments.push(...pipes.segments);
		pipeNodes.push(...pipes.nodes);
	}
	return { pipeSegments, pipeNodes };
}
