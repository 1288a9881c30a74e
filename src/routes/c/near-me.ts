import { distanceM } from '$lib/domain/community-search';

export interface Located {
	lon: number;
	lat: number;
}

/** `entries` nearest first from `here`, each with its distance in metres. */
export function nearestFirst<T extends Located>(entries: T[], here: Located): { entry: T; metres: number }[] {
	return entries
		.map((entry) => ({ entry, metres: distanceM(here.lon, here.lat, entry.lon, entry.lat) }))
		.sort((a, b) => a.metres - b.metres);
}
