/**
 * The facility endpoints' query strings, checked before anything reaches the database: a
 * malformed community id or box is a 400 with the field it concerns, not a 404 or a query
 * over the whole district.
 */
import { z } from 'zod';
import { parseBbox } from '$lib/domain/facilities';
import type { Caller, Database } from '../db';
import type { Outcome } from '../writes/outcome';
import { readBatchFacilitySummaries, readClearanceConflicts, readFacilities, readFacilitySummary } from './index';

const UUID = z.uuid();

type Invalid = { ok: false; refusal: { kind: 'invalid'; fields: Record<string, { key: string }> } };
const invalid = (field: string, key: string): Invalid => ({ ok: false, refusal: { kind: 'invalid', fields: { [field]: { key } } } });

/** `community`, if given, must be a uuid: the field's error, or the id (undefined when absent). */
function communityParam(params: URLSearchParams): Invalid | { id: string | undefined } {
	const raw = params.get('community');
	if (raw === null) return { id: undefined };
	return UUID.safeParse(raw).success ? { id: raw } : invalid('community', 'facilities.error.community');
}

/** GET /api/facilities?community=<uuid> and/or ?bbox=west,south,east,north: one is required. */
export function facilitiesRequest(caller: Caller, params: URLSearchParams, db?: Database) {
	const community = communityParam(params);
	if ('ok' in community) return Promise.resolve(community);
	const rawBbox = params.get('bbox');
	const bbox = rawBbox === null ? undefined : parseBbox(rawBbox);
	if (bbox === null) return Promise.resolve(invalid('bbox', 'facilities.error.bbox'));
	if (community.id === undefined && bbox === undefined) return Promise.resolve(invalid('community', 'facilities.error.where'));
	return readFacilities(caller, { communityId: community.id, bbox }, db);
}

/** GET /api/facilities/summary?community=<uuid>, or without it the district by batch year. */
export function summaryRequest(caller: Caller, params: URLSearchParams, db?: Database): Promise<Outcome<unknown>> {
	const community = communityParam(params);
	if ('ok' in community) return Promise.resolve(community);
	return community.id === undefined ? readBatchFacilitySummaries(caller, db) : readFacilitySummary(caller, community.id, db);
}

/** GET /api/facilities/clearance?community=<uuid>, or without it every conflict the caller sees. */
export function clearanceRequest(caller: Caller, params: URLSearchParams, db?: Database) {
	const community = communityParam(params);
	if ('ok' in community) return Promise.resolve(community);
	return readClearanceConflicts(caller, community.id ?? null, db);
}
