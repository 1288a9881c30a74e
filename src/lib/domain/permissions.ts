import type { AppRole } from './roles';

/**
 * What a member of staff may do with one community, mirroring the database's policies
 * (supabase/migrations/20261126090400_role_policies.sql, the editor-column trigger and the
 * audit log's policy) so the UI shows only the controls that can work. The database stays
 * the judge: a forged request is refused there, whatever this says.
 */
export interface EditRights {
	/** The community's facts (name, size, eligibility facts, property management). */
	facts: boolean;
	/** Its project's stage, status date and milestone dates. */
	progress: boolean;
	/** The facts of its buildings. */
	buildings: boolean;
	/** Its boundary and its buildings' footprints: redrawn, added, removed. */
	geometry: boolean;
	/** Whether the public sees it: the bureau's decision. */
	publish: boolean;
	/** Its record of changes. */
	history: boolean;
}

/** Whoever acts: a signed-in user's role and sub-districts (SignedInUser and Caller both fit). */
export interface Actor {
	appRole: AppRole | null;
	subdistricts: readonly string[];
}

export const NO_RIGHTS: EditRights = Object.freeze({ facts: false, progress: false, buildings: false, geometry: false, publish: false, history: false });

/** The rights of `actor` (null: the public) over a community of sub-district `subdistrictCode`. */
export function rightsOver(actor: Actor | null, subdistrictCode: string): EditRights {
	switch (actor?.appRole) {
		case 'planner':
		case 'admin':
			return { facts: true, progress: true, buildings: true, geometry: true, publish: true, history: true };
		case 'leader':
			return { ...NO_RIGHTS, history: true };
		case 'editor': {
			const own = actor.subdistricts.includes(subdistrictCode);
			return { facts: own, progress: own, buildings: own, geometry: own, publish: false, history: own };
		}
		default:
			return NO_RIGHTS;
	}
}

/** True when there is anything to edit at all, so the edit control is worth showing. */
export function mayEditSomething(rights: EditRights): boolean {
	return rights.facts || rights.progress || rights.buildings || rights.geometry || rights.publish;
}
