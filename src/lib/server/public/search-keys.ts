import { pinyin } from 'pinyin-pro';
import { normaliseQuery, type SearchKeys } from '$lib/domain/community-search';

// Names repeat on every load and never change meaning: each is converted once per process.
const cache = new Map<string, { pinyin: string; initials: string }>();

function spell(text: string): { pinyin: string; initials: string } {
	let spelt = cache.get(text);
	if (!spelt) {
		// pinyin-pro picks the reading of polyphonic characters from its word list (厂 chǎng,
		// 长 zhǎng in 局长…); non-Chinese characters (digits, letters) pass through.
		const syllables = pinyin(text, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' });
		spelt = {
			pinyin: syllables.join('').toLowerCase().replace(/\s+/g, ''),
			initials: syllables.map((s) => s.trim().charAt(0)).join('').toLowerCase()
		};
		cache.set(text, spelt);
	}
	return spelt;
}

/** The keys a community is found by: its name first (it ranks highest), then code and sub-district. */
export function searchKeys(fields: { name: string; code: string; subdistrictName: string }): SearchKeys {
	const texts = [fields.name, fields.code, fields.subdistrictName];
	const spelt = [spell(fields.name), spell(fields.subdistrictName)];
	return {
		text: texts.map(normaliseQuery),
		pinyin: spelt.map((s) => s.pinyin),
		initials: spelt.map((s) => s.initials)
	};
}
