import { planRightsOver, type CatalogueItem, type CommunityFunding, type CommunityPlan, type ListedViolation } from '$lib/domain/plan';
import { endOfDay } from '$lib/domain/as-of';
import type { Caller, Database, Queryable } from '../db';
import { readAsOf } from '../history/as-of';
import { isRowId, refuse, type Outcome } from '../writes/outcome';
import { forbiddenFor, runAs } from '../writes/run';
import {
	selectAllViolations,
	selectBuildingNames,
	selectCatalogue,
	selectCommunityPlace,
	selectFundingLines,
	selectPlanItems,
	selectProgress,
	selectSeen,
	selectViolations
} from './rows';

/** A plan or its funding as a form needs it: with the newest record entry it shows. */
export type Seen<T> = T & { seen: number };

const actorOf = (caller: Caller) => (caller.role === 'authenticated' ? caller : null);

/** The sub-district of a community the caller sees; 404 otherwise. */
export async function placeOrRefuse(tx: Queryable, communityId: string): Promise<string> {
	if (!isRowId(communityId)) return refuse({ kind: 'not_found' });
	return (await selectCommunityPlace(tx, communityId)) ?? refuse({ kind: 'not_found' });
}

const seenOf = (tx: Queryable, caller: Caller, table: 'plan_items' | 'funding_lines', communityId: string) =>
	caller.role === 'anon' ? Promise.resolve(0) : selectSeen(tx, table, communityId);

export async function readPlanIn(tx: Queryable, caller: Caller, communityId: string): Promise<Seen<CommunityPlan>> {
	const subdistrict = await placeOrRefuse(tx, communityId);
	return {
		communityId,
		items: await selectPlanItems(tx, communityId),
		buildings: await selectBuildingNames(tx, communityId),
		progress: await selectProgress(tx, communityId),
		rights: planRightsOver(actorOf(caller), subdistrict),
		seen: await seenOf(tx, caller, 'plan_items', communityId)
	};
}

/**
 * A community's funding, for staff who may read it: 403 for everyone else (the database
 * would show them no lines at all; the refusal says why instead of an empty list).
 */
export async function readFundingIn(tx: Queryable, caller: Caller, communityId: string): Promise<Seen<CommunityFunding>> {
	const subdistrict = await placeOrRefuse(tx, communityId);
	if (!planRightsOver(actorOf(caller), subdistrict).readFunding) return refuse(forbiddenFor(caller));
	return {
		communityId,
		lines: await selectFundingLines(tx, communityId),
		violations: await selectViolations(tx, communityId),
		seen: await seenOf(tx, caller, 'funding_lines', communityId)
	};
}

/** Nothing of a past plan can be changed, and funding has no replay: none of it is offered. */
const PAST_RIGHTS = { editPlan: false, readFunding: false, editFunding: false };

/**
 * The plan of community `communityId` as `caller` sees it (the public: published ones); with
 * `asOf` (a past date), as it stood at the end of that day, to look at only.
 */
export function readPlan(caller: Caller, communityId: string, db?: Database, asOf: string | null = null): Promise<Outcome<Seen<CommunityPlan>>> {
	return runAs(caller, db, async (tx) => {
		if (!asOf) return readPlanIn(tx, caller, communityId);
		const plan = await readPlanIn(await readAsOf(tx, endOfDay(asOf)), caller, communityId);
		return { ...plan, rights: PAST_RIGHTS };
	});
}

export function readFunding(caller: Caller, communityId: string, db?: Database): Promise<Outcome<Seen<CommunityFunding>>> {
	return runAs(caller, db, (tx) => readFundingIn(tx, caller, communityId));
}

export function readCatalogue(caller: Caller, db?: Database): Promise<Outcome<CatalogueItem[]>> {
	return runAs(caller, db, selectCatalogue);
}

/**
 * Every violation of the funding rule the caller may see (planners, leaders and admins all,
 * editors their sub-districts'); 403 for the public and signed-in users without a role.
 */
export function listViolations(caller: Caller, db?: Database): Promise<Outcome<ListedViolation[]>> {
	return runAs(caller, db, async (tx) => {
		if (caller.role !== 'authenticated' || caller.appRole === null) return refuse(forbiddenFor(caller));
		return selectAllViolations(tx);
	});
}
