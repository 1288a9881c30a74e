import { json } from '@sveltejs/kit';
import type { Locale } from '$lib/i18n';
import { geometryRefusalMessage } from '$lib/i18n/geometry/refusal';
import { translate } from '../i18n';
import type { Outcome, Refusal } from './outcome';

// Staff's data, different per caller: never stored by a cache.
const HEADERS = { 'cache-control': 'no-store' };

const STATUS: Record<Refusal['kind'], number> = { invalid: 400, forbidden: 403, not_found: 404, conflict: 409, geometry: 422 };

function body(refusal: Refusal, lang: Locale) {
	switch (refusal.kind) {
		case 'invalid':
			return { error: 'invalid', message: translate(lang, 'edit.refused.invalid'), fields: refusal.fields };
		case 'forbidden':
			return { error: 'forbidden', reason: refusal.reason, message: translate(lang, `edit.refused.${refusal.reason}`) };
		case 'not_found':
			return { error: 'not_found', message: translate(lang, 'edit.refused.not_found') };
		case 'conflict':
			return { error: 'conflict', message: translate(lang, 'edit.refused.conflict'), changes: refusal.changes, current: refusal.current };
		case 'geometry':
			return { error: 'geometry', problems: refusal.problems, message: geometryRefusalMessage(refusal.problems, (key, values) => translate(lang, key, values)) };
	}
}

/**
 * A module's outcome as the JSON answer: 200 with the value, or 400 (field messages as
 * i18n keys), 403, 404, 409 (what changed since, and the row as it stands), 422 (a shape the
 * geometry rules refuse, every reason's code; or a rule such as "a re-plan needs a reason",
 * with the field it concerns) with a message in the request's language.
 */
export function answer<T>(outcome: Outcome<T>, lang: Locale): Response {
	if (outcome.ok) return json(outcome.value, { headers: HEADERS });
	const { refusal } = outcome;
	const status = refusal.kind === 'invalid' && refusal.rule ? 422 : STATUS[refusal.kind];
	return json(body(refusal, lang), { status, headers: HEADERS });
}

/** The request's JSON body, or undefined when it has none that parses (the schema then says 400). */
export async function jsonBody(request: Request): Promise<unknown> {
	return request.json().catch(() => undefined);
}
