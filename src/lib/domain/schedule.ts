import { z } from 'zod';
import { choice, isoDate } from './input';
import { STAGES, type Stage } from './stages';

/**
 * Eligibility (DOMAIN.md §2) as the database decides it (public.community_eligibility,
 * supabase/migrations/20261127090500_eligibility.sql): the reasons in its order, hard ones
 * (excluding) first.
 */
export const ELIGIBILITY_STATUSES = ['eligible', 'needs_review', 'not_eligible'] as const;
export type EligibilityStatus = (typeof ELIGIBILITY_STATUSES)[number];
export const ELIGIBILITY_REASONS = [
	'built_after_2005',
	'collective_land',
	'outside_city_or_county_seat',
	'in_redevelopment_plan',
	'mostly_self_built',
	'not_run_down',
	'facilities_complete',
	'support_unknown',
	'support_below_two_thirds'
] as const;
export type EligibilityReason = (typeof ELIGIBILITY_REASONS)[number];

/** A planner's override of a community that is not eligible, as staff read it. */
export interface EligibilityOverride {
	reason: string;
	covers: EligibilityReason[];
	grantedAt: string;
	grantedBy: string | null;
}

export interface Eligibility {
	status: EligibilityStatus;
	reasons: EligibilityReason[];
	/** Staff only; the public gets none. */
	overrides: EligibilityOverride[];
}

/** One change of a planned date (public.milestone_replans); reason null when none was given. */
export interface Replan {
	stage: Stage;
	oldOn: string | null;
	newOn: string | null;
	reason: string | null;
	at: string;
	by: string | null;
}

export const reasonText = () =>
	z
		.string({ error: 'edit.error.required' })
		.trim()
		.min(4, { error: 'edit.error.reasonShort' })
		.max(200, { error: 'edit.error.maxLength' });

/** Re-planning one milestone: its new planned date and why (the baseline stays). */
export const replanSchema = z.object(
	{ stage: choice(STAGES), plannedOn: isoDate(), reason: reasonText() },
	{ error: 'edit.error.invalid' }
);
export type ReplanInput = z.infer<typeof replanSchema>;

/** A planner's override of eligibility: why the community may enter a batch anyway. */
export const overrideSchema = z.object({ reason: reasonText() }, { error: 'edit.error.invalid' });
export type OverrideInput = z.infer<typeof overrideSchema>;
