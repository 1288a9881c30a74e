import type { AppRole } from './roles';

/** A signed-in member of staff as the UI sees them (no secrets: this reaches the browser). */
export interface SignedInUser {
	id: string;
	email: string;
	displayName: string;
	/** null: signed in but given no role, so reading published data only. */
	appRole: AppRole | null;
	/** NBS codes of the sub-districts an editor answers for. */
	subdistricts: string[];
}
