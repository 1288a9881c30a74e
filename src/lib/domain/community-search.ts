/**
 * Finding one's community by what a resident types: the Chinese name or part of it, its
 * pinyin ("guangming"), its initials ("gmxq" for 光明小区), the code on the notice, or the
 * sub-district. The pinyin is worked out on the server (search-keys.ts, pinyin-pro) and sent
 * with each entry, so matching here needs no dictionary and runs the same in the browser as
 * you type and on the server for the form sent without JavaScript.
 */
export interface SearchKeys {
	/** Name, code and sub-district, normalised like a query (normaliseQuery). */
	text: string[];
	/** Pinyin without tones or spaces (ü as v, as Chinese keyboards type it), per field. */
	pinyin: string[];
	/** First letters of each syllable, per field. */
	initials: string[];
}

export interface DirectoryEntry {
	code: string;
	name: string;
	subdistrictName: string;
	stage: string | null;
	progressPct: number | null;
	/** A point inside the community (PostGIS st_pointonsurface), for "near me". */
	lon: number;
	lat: number;
	keys: SearchKeys;
}

/** What a query becomes before matching: lower case, no spaces or syllable marks, ü as v. */
export function normaliseQuery(query: string): string {
	return query
		.toLowerCase()
		.replace(/[\s'’·-]+/g, '')
		.replace(/ü/g, 'v');
}

/**
 * How well `entry` matches the normalised `q`: 0 for no match; higher is better. A match at
 * the start of a name beats one inside it, and a name beats a sub-district, so "gm" lists
 * 光明小区 before communities that merely lie in a street starting with those letters.
 */
export function matchScore(keys: SearchKeys, q: string): number {
	if (!q) return 1;
	let best = 0;
	const fields = [keys.text, keys.pinyin, keys.initials];
	for (const field of fields) {
		field.forEach((value, i) => {
			const at = value.indexOf(q);
			if (at < 0) return;
			// Field 0 is the name: it counts most; a prefix counts more than a later match.
			const score = (i === 0 ? 4 : 2) + (at === 0 ? 1 : 0);
			best = Math.max(best, score);
		});
	}
	return best;
}

/** The entries matching `query`, best first, in directory order among equals. */
export function searchDirectory<T extends { keys: SearchKeys }>(entries: T[], query: string): T[] {
	const q = normaliseQuery(query);
	return entries
		.map((entry, index) => ({ entry, index, score: matchScore(entry.keys, q) }))
		.filter((m) => m.score > 0)
		.sort((a, b) => b.score - a.score || a.index - b.index)
		.map((m) => m.entry);
}

/** Metres between two WGS84 points (haversine: plenty for "which community is nearest"). */
export function distanceM(lon1: number, lat1: number, lon2: number, lat2: number): number {
	const rad = Math.PI / 180;
	const dLat = (lat2 - lat1) * rad;
	const dLon = (lon2 - lon1) * rad;
	const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
	return 2 * 6_371_008 * Math.asin(Math.sqrt(a));
}
