import { json } from '@sveltejs/kit';
import type { Locale } from '$lib/i18n';
import { translate } from '../i18n';
import { answer } from '../writes/http';
import type { Outcome } from '../writes/outcome';

/**
 * A pipeline tool's outcome as the JSON answer: as the edit endpoints answer (400 with field
 * messages), but 401 for the public. Pipeline data is staff-only: the right answer to the
 * public is "sign in", not "your role may not" (a 403 such as the edit endpoints give, where
 * the public may read what it may not write).
 */
export function toolAnswer<T>(outcome: Outcome<T>, lang: Locale): Response {
	if (!outcome.ok && outcome.refusal.kind === 'forbidden' && outcome.refusal.reason === 'sign_in') {
		return json({ error: 'sign_in', message: translate(lang, 'edit.refused.sign_in') }, { status: 401, headers: { 'cache-control': 'no-store' } });
	}
	return answer(outcome, lang);
}
