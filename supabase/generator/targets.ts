/**
 * The programme's published targets (DOMAIN.md §1), the input the demo data must add up to.
 * Source: 张店区城镇老旧小区改造实施方案, issued 2020-07-27.
 */
export const BATCH_YEARS = [2020, 2021, 2022] as const;
export type BatchYear = (typeof BATCH_YEARS)[number];

export const TARGET_SOURCE = '张店区城镇老旧小区改造实施方案（2020-07-27）';
export const TARGET_ADOPTED_ON = '2020-07-27';
export const DISTRICT_CODE = '370303';
export const DISTRICT_NAME = '张店区';

export interface BatchTarget {
	year: BatchYear;
	communities: number;
	buildings: number;
	/** As published, in 万m² (10,000 m²) with two decimals. */
	floorAreaWanM2: number;
	households: number;
	/**
	 * The exact floor area the demo data use, in m². The published per-year figures add up
	 * to 106.74 万m² while the published total is 106.73 万m²; these values are picked so
	 * each year rounds to its published figure AND their sum (1,067,280 m²) rounds to the
	 * published total, so every published number is reproduced by the data.
	 */
	floorAreaM2: number;
}

export const BATCH_TARGETS: readonly BatchTarget[] = [
	{ year: 2020, communities: 5, buildings: 67, floorAreaWanM2: 24.66, households: 2718, floorAreaM2: 246_560 },
	{ year: 2021, communities: 8, buildings: 97, floorAreaWanM2: 33.44, households: 3939, floorAreaM2: 334_360 },
	{ year: 2022, communities: 9, buildings: 132, floorAreaWanM2: 48.64, households: 4768, floorAreaM2: 486_360 }
];

/** The 2020–2022 total as published; residents are given only as "about 35,000". */
export const PROGRAMME_TARGET = {
	periodStart: 2020,
	periodEnd: 2022,
	communities: 22,
	buildings: 296,
	floorAreaWanM2: 106.73,
	households: 11_425,
	residents: 35_000
} as const;
