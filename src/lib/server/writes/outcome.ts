import { z } from 'zod';
import type { FieldErrors } from '$lib/domain/input';
import type { GeometryProblem } from '$lib/domain/geometry';
import type { HistoryEntry } from '$lib/domain/history';

/** Why a request was refused: each becomes one HTTP status (http.ts). */
export type Refusal =
	/** `rule`: well-formed, but a rule of the programme the database enforces refused it (422). */
	| { kind: 'invalid'; fields: FieldErrors; rule?: true }
	| { kind: 'forbidden'; reason: ForbiddenReason }
	| { kind: 'not_found' }
	| { kind: 'conflict'; changes: HistoryEntry[]; current: unknown }
	/** A drawn shape the geometry rules refuse, with every reason (20261127091000_geometry_rules.sql). */
	| { kind: 'geometry'; problems: GeometryProblem[] };

/**
 * Why the database refused a write it could see: the public is not signed in; a signed-in
 * user's role writes nothing (leader, no role) or not there (an editor elsewhere); or a
 * column is the bureau's to change (the editor-column trigger).
 */
export type ForbiddenReason = 'sign_in' | 'read_only_role' | 'outside_subdistricts' | 'bureau_only';

export type Outcome<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

/**
 * Thrown inside a transaction to refuse: it rolls back whatever the transaction wrote, and
 * runAs (run.ts) turns it into an Outcome.
 */
export class Refused extends Error {
	override readonly name = 'Refused';
	constructor(readonly refusal: Refusal) {
		super(`refused: ${refusal.kind}`);
	}
}

export const refuse = (refusal: Refusal): never => {
	throw new Refused(refusal);
};

const ROW_ID = z.uuid();

/** Rows are named by uuid: anything else in a URL names no row (404), not a database error. */
export function isRowId(id: string): boolean {
	return ROW_ID.safeParse(id).success;
}
