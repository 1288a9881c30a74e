/**
 * What the facility layer, the before → after panels and the clearance flags read, as the
 * caller: the public sees the facilities and summaries of published communities and nothing
 * of the clearance check (it reads no pipeline data); staff what their role lets them.
 */
import type { Point, Polygon } from 'geojson';
import type {
	BatchFacilitySummary,
	Bbox,
	ClearanceConflict,
	CommunityFacilitySummary,
	FacilityCollection,
	FacilityKind,
	FacilityKindInfo,
	FacilityState,
	FacilityTotals
} from '$lib/domain/facilities';
import type { FacilityGeometryKind, PipelineType } from '$lib/domain/enums.gen';
import type { Caller, Database } from '../db';
import { isRowId, refuse, type Outcome } from '../writes/outcome';
import { forbiddenFor, runAs } from '../writes/run';
import * as q from './queries';

export function readFacilityKinds(caller: Caller, db?: Database): Promise<Outcome<FacilityKindInfo[]>> {
	return runAs(caller, db, async (tx) =>
		(await q.selectKinds(tx)).map((k) => ({
			code: k.code as FacilityKind,
			ordinal: k.ordinal,
			nameZh: k.name_zh,
			nameEn: k.name_en,
			icon: k.icon,
			catalogueCode: k.catalogue_code,
			geometryKind: k.geometry_kind as FacilityGeometryKind,
			capacityUnit: k.capacity_unit,
			isStructure: k.is_structure,
			hasChargers: k.has_chargers,
			isServiceRoom: k.is_service_room
		}))
	);
}

/**
 * The facilities of community `communityId`, or within `bbox`, or both, as GeoJSON. One of
 * the two is required: the layer asks per community or per view, never for everything.
 */
export function readFacilities(caller: Caller, where: { communityId?: string; bbox?: Bbox }, db?: Database): Promise<Outcome<FacilityCollection>> {
	return runAs(caller, db, async (tx) => {
		if (where.communityId !== undefined && !isRowId(where.communityId)) refuse({ kind: 'not_found' });
		if (where.communityId === undefined && where.bbox === undefined) {
			refuse({ kind: 'invalid', fields: { bbox: { key: 'edit.error.required' } } });
		}
		const rows = await q.selectFacilities(tx, where);
		return {
			type: 'FeatureCollection',
			features: rows.map((r) => ({
				type: 'Feature',
				geometry: JSON.parse(r.geometry) as Point | Polygon,
				properties: {
					id: r.id,
					communityId: r.community_id,
					kind: r.kind as FacilityKind,
					state: r.state as FacilityState,
					capacity: r.capacity,
					chargers: r.chargers,
					planItemId: r.plan_item_id,
					builtOn: r.built_on,
					name: r.name,
					note: r.note,
					isDemo: r.is_demo
				}
			}))
		};
	});
}

function totals(r: q.TotalsRow): FacilityTotals {
	return {
		parkingSpaces: { before: r.parking_spaces_before, after: r.parking_spaces_after },
		chargers: { before: r.chargers_before, after: r.chargers_after },
		sheds: { before: r.sheds_before, after: r.sheds_after },
		shedChargingPorts: { before: r.shed_charging_ports_before, after: r.shed_charging_ports_after },
		serviceRoomM2: { before: r.service_room_m2_before, after: r.service_room_m2_after },
		greeningM2: { planned: r.greening_m2_planned, done: r.greening_m2_done }
	};
}

/** A community's before → after summary; 404 for a community the caller does not see. */
export function readFacilitySummary(caller: Caller, communityId: string, db?: Database): Promise<Outcome<CommunityFacilitySummary>> {
	return runAs(caller, db, async (tx) => {
		if (!isRowId(communityId)) refuse({ kind: 'not_found' });
		const [row] = await q.selectCommunitySummary(tx, communityId);
		if (!row) return refuse({ kind: 'not_found' });
		return { communityId: row.community_id, batchYear: row.batch_year, ...totals(row) };
	});
}

/** The district by batch year, over the communities the caller sees. */
export function readBatchFacilitySummaries(caller: Caller, db?: Database): Promise<Outcome<BatchFacilitySummary[]>> {
	return runAs(caller, db, async (tx) =>
		(await q.selectBatchSummaries(tx)).map((r) => ({ batchYear: r.batch_year, communities: r.communities, ...totals(r) }))
	);
}

/**
 * The planned structures too close to a pipe, in one community or all the caller sees. The
 * public is refused outright (it may not read pipelines); a signed-in user without a staff
 * role gets no rows, as row-level security shows them no pipes.
 */
export function readClearanceConflicts(caller: Caller, communityId: string | null, db?: Database): Promise<Outcome<ClearanceConflict[]>> {
	return runAs(caller, db, async (tx) => {
		if (caller.role === 'anon') return refuse(forbiddenFor(caller));
		if (communityId !== null && !isRowId(communityId)) return refuse({ kind: 'not_found' });
		return (await q.selectConflicts(tx, communityId)).map((r) => ({
			facilityId: r.facility_id,
			segmentId: r.segment_id,
			pipelineType: r.pipeline_type as PipelineType,
			distanceM: r.distance_m,
			requiredM: r.required_m
		}));
	});
}
