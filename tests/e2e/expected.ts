/**
 * The programme's published targets (张店区城镇老旧小区改造实施方案, 2020-07-27; DOMAIN.md §1),
 * which the demo data reproduce exactly: the figures the map and the totals panel must show.
 */
export interface TargetFigures {
	communities: number;
	buildings: number;
	floorAreaWanM2: number;
	households: number;
}

export const BATCH_TARGETS: Record<2020 | 2021 | 2022, TargetFigures> = {
	2020: { communities: 5, buildings: 67, floorAreaWanM2: 24.66, households: 2718 },
	2021: { communities: 8, buildings: 97, floorAreaWanM2: 33.44, households: 3939 },
	2022: { communities: 9, buildings: 132, floorAreaWanM2: 48.64, households: 4768 }
};

export const PROGRAMME_TARGET: TargetFigures = { communities: 22, buildings: 296, floorAreaWanM2: 106.73, households: 11_425 };

/**
 * Text with thousands separators dropped (11,425 → 11425), so figures can be looked for
 * whatever the locale's grouping. Plain spaces are kept: they separate table cells.
 */
export function withoutGrouping(text: string): string {
	return text.replace(/(\d)[,\u00a0\u202f](?=\d{3}\b)/g, '$1');
}
