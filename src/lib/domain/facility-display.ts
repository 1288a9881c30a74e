/**
 * What the browser needs to draw and count facilities without asking the database for the
 * kinds: each kind's @mapbox/maki icon and whether it is a service room, as
 * public.facility_kinds has them (tests/db/facility-display.test.ts keeps the two equal).
 */
import type { FacilityCollection, FacilityKind, FacilityTotals } from './facilities';

export const KIND_ICONS: Record<FacilityKind, string> = {
	parking: 'parking',
	ev_charger: 'charging-station',
	bike_shed: 'bicycle',
	express_locker: 'warehouse',
	mailbox: 'post',
	bulletin_board: 'information',
	public_toilet: 'toilet',
	convenience_shop: 'convenience',
	sanitation_point: 'recycling',
	fitness_area: 'fitness-centre',
	party_building_room: 'star',
	community_service_room: 'town-hall',
	property_service_room: 'residential-community',
	elderly_care: 'heart',
	childcare: 'playground',
	health_room: 'doctor',
	culture_room: 'library'
};

export const SERVICE_ROOM_KINDS: ReadonlySet<FacilityKind> = new Set([
	'party_building_room',
	'community_service_room',
	'property_service_room',
	'elderly_care',
	'childcare',
	'health_room',
	'culture_room'
]);

/** The rows of the before → after table that count facilities (greening comes from the plan). */
export type CountedRow = Exclude<keyof FacilityTotals, 'greeningM2'>;

/**
 * What has been built so far towards each row's "after", counted as public.facility_summary
 * counts (20261130091200_facility_summary.sql), over the facilities in state 'built' only:
 * the summary's "after" also holds the planned ones, which are not there yet.
 */
export function builtSoFar(facilities: FacilityCollection): Record<CountedRow, number> {
	const built: Record<CountedRow, number> = { parkingSpaces: 0, chargers: 0, sheds: 0, shedChargingPorts: 0, serviceRoomM2: 0 };
	for (const { properties: f } of facilities.features) {
		if (f.state !== 'built') continue;
		if (f.kind === 'parking') {
			built.parkingSpaces += f.capacity;
			built.chargers += f.chargers ?? 0;
		} else if (f.kind === 'ev_charger') built.chargers += f.capacity;
		else if (f.kind === 'bike_shed') {
			built.sheds += 1;
			built.shedChargingPorts += f.chargers ?? 0;
		} else if (SERVICE_ROOM_KINDS.has(f.kind)) built.serviceRoomM2 += f.capacity;
	}
	return built;
}
