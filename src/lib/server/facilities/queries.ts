/**
 * The SQL of the facility reads, each run as the caller (row-level security decides which
 * communities' facilities, and whether the caller may ask about pipes at all).
 */
import type { Bbox } from '$lib/domain/facilities';
import type { Queryable } from '../db';

export interface KindRow {
	code: string;
	ordinal: number;
	name_zh: string;
	name_en: string;
	icon: string;
	catalogue_code: string;
	geometry_kind: string;
	capacity_unit: string;
	is_structure: boolean;
	has_chargers: boolean;
	is_service_room: boolean;
}

export const selectKinds = (tx: Queryable) =>
	tx.query<KindRow>(
		`select code, ordinal, name_zh, name_en, icon, catalogue_code, geometry_kind, capacity_unit,
		        is_structure, has_chargers, is_service_room
		 from public.facility_kinds order by ordinal`
	);

export interface FacilityRow {
	id: string;
	community_id: string;
	kind: string;
	state: string;
	capacity: number;
	chargers: number | null;
	plan_item_id: string | null;
	built_on: string | null;
	name: string | null;
	note: string | null;
	is_demo: boolean;
	geometry: string;
}

/** Facilities of one community, or in a box, or both; in legend order, then by id. */
export function selectFacilities(tx: Queryable, where: { communityId?: string; bbox?: Bbox }) {
	const bbox = where.bbox ?? null;
	return tx.query<FacilityRow>(
		`select f.id, f.community_id, f.kind, f.state, f.capacity::float8 as capacity, f.chargers, f.plan_item_id,
		        f.built_on::text as built_on, f.name, f.note, f.is_demo, extensions.st_asgeojson(f.geom, 7) as geometry
		 from public.facilities f join public.facility_kinds k on k.code = f.kind
		 where ($1::uuid is null or f.community_id = $1::uuid)
		   and ($2::float8 is null or f.geom operator(extensions.&&) extensions.st_makeenvelope($2, $3, $4, $5, 4326))
		 order by k.ordinal, f.id`,
		[where.communityId ?? null, bbox?.[0] ?? null, bbox?.[1] ?? null, bbox?.[2] ?? null, bbox?.[3] ?? null]
	);
}

const TOTALS = `parking_spaces_before::float8, parking_spaces_after::float8, chargers_before::float8, chargers_after::float8,
  sheds_before, sheds_after, shed_charging_ports_before, shed_charging_ports_after,
  service_room_m2_before::float8, service_room_m2_after::float8, greening_m2_planned::float8, greening_m2_done::float8`;

export interface TotalsRow {
	parking_spaces_before: number;
	parking_spaces_after: number;
	chargers_before: number;
	chargers_after: number;
	sheds_before: number;
	sheds_after: number;
	shed_charging_ports_before: number;
	shed_charging_ports_after: number;
	service_room_m2_before: number;
	service_room_m2_after: number;
	greening_m2_planned: number;
	greening_m2_done: number;
}

export const selectCommunitySummary = (tx: Queryable, communityId: string) =>
	tx.query<TotalsRow & { community_id: string; batch_year: number | null }>(
		`select community_id, batch_year, ${TOTALS} from public.facility_summary where community_id = $1`,
		[communityId]
	);

export const selectBatchSummaries = (tx: Queryable) =>
	tx.query<TotalsRow & { batch_year: number; communities: number }>(
		`select batch_year, communities, ${TOTALS} from public.facility_district_summary order by batch_year`
	);

export interface ConflictRow {
	facility_id: string;
	segment_id: string;
	pipeline_type: string;
	distance_m: number;
	required_m: number;
}

export const selectConflicts = (tx: Queryable, communityId: string | null) =>
	tx.query<ConflictRow>(
		`select facility_id, segment_id, pipeline_type, distance_m, required_m::float8 as required_m
		 from public.facility_clearance_conflicts($1::uuid)`,
		[communityId]
	);
