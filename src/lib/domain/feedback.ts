import { z } from 'zod';
import type { FieldErrors } from './input';
import { stageIndex, type Stage } from './stages';

/** What residents may say (20261203090000_resident_feedback.sql): the same limits as the table's. */
export const FEEDBACK_KINDS = ['suggestion', 'rating'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export const COMMENT_MAX = 500;
export const RATING_MAX = 5;

/**
 * Which kind a community takes now: suggestions until the renovation is completed
 * (accepted, 工程验收, or later, as the dashboard counts it), a rating from then on.
 */
export function feedbackKindAt(stage: Stage | null): FeedbackKind {
	return stage !== null && stageIndex(stage) >= stageIndex('acceptance') ? 'rating' : 'suggestion';
}

const text = z
	.string({ error: 'feedback.error.comment' })
	.max(COMMENT_MAX, { error: 'feedback.error.tooLong' })
	.transform((s) => s.trim() || null);

/**
 * A submission, as JSON or from the form: { community: code, kind, rating (1–5, ratings
 * only), comment (up to 500 characters; required for a suggestion) }.
 */
export const feedbackSchema = z
	.object(
		{
			community: z.string({ error: 'feedback.error.community' }).min(1, { error: 'feedback.error.community' }).max(40, { error: 'feedback.error.community' }),
			kind: z.enum(FEEDBACK_KINDS, { error: 'feedback.error.kind' }),
			rating: z.int({ error: 'feedback.error.rating' }).min(1, { error: 'feedback.error.rating' }).max(RATING_MAX, { error: 'feedback.error.rating' }).nullish(),
			comment: text.nullish()
		},
		{ error: 'feedback.error.invalid' }
	)
	.superRefine((value, ctx) => {
		if (value.kind === 'rating' && value.rating == null) ctx.addIssue({ code: 'custom', path: ['rating'], message: 'feedback.error.rating' });
		if (value.kind === 'suggestion' && !value.comment) ctx.addIssue({ code: 'custom', path: ['comment'], message: 'feedback.error.commentRequired' });
	})
	.transform((value) => ({
		community: value.community,
		kind: value.kind,
		rating: value.kind === 'rating' ? (value.rating ?? null) : null,
		comment: value.comment ?? null
	}));
export type FeedbackInput = z.infer<typeof feedbackSchema>;

/** A form's fields as the schema takes them: the stars as a number, absent fields left out. */
export function feedbackFromForm(form: FormData): Record<string, unknown> {
	const rating = form.get('rating');
	return {
		community: form.get('community') ?? undefined,
		kind: form.get('kind') ?? undefined,
		rating: typeof rating === 'string' && rating !== '' ? Number(rating) : null,
		comment: form.get('comment') ?? null
	};
}

/** Approved feedback as the public reads it. */
export interface PublishedFeedback {
	id: string;
	kind: FeedbackKind;
	rating: number | null;
	comment: string | null;
	submittedOn: string;
}

/** Approved figures of one community: the average satisfaction is null without ratings. */
export interface FeedbackSummary {
	suggestions: number;
	ratings: number;
	averageRating: number | null;
}

export const MODERATION_DECISIONS = ['approved', 'rejected'] as const;
export type ModerationDecision = (typeof MODERATION_DECISIONS)[number];

/** What the form shows after a submission: sent, or why not, with what was typed kept. */
export type FeedbackFormResult =
	| { feedback: { sent: true } }
	| {
			feedback: {
				sent: false;
				fields: FieldErrors;
				/** Minutes to wait when the rate limit refused it. */
				waitMinutes?: number;
				notFound?: true;
				comment: string;
				rating: string;
			};
	  };
