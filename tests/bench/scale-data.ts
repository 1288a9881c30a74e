import type { Queryable } from '../../src/lib/server/db/types';

/** How much synthetic data the policy benchmark generates. */
export interface Scale {
	communities: number;
	buildingsPerCommunity: number;
	/** Share of communities published, 0..1. */
	published: number;
}

export const SCALE: Scale = { communities: 20_000, buildingsPerCommunity: 5, published: 0.8 };

/**
 * The urban part of Zhangdian the synthetic communities tile, in degrees: about
 * 18 × 15 km, so a z16 tile (≈ 490 m square) holds some 15 communities and 80 buildings,
 * the density of the old city.
 */
export const EXTENT = { west: 117.95, south: 36.74, east: 118.15, north: 36.88 } as const;

/**
 * Fills a migrated, seeded database with `scale` communities laid out on a grid over
 * EXTENT, each in the sub-district with the nearest label point, with its buildings in a
 * row inside it and a project for those with a batch year. Set-based SQL, so 100,000
 * buildings take seconds. The audit and version triggers are switched off while it runs:
 * the benchmark measures reads, and 120,000 audit entries would only slow the set-up.
 */
export async function generateScaleData(tx: Queryable, scale: Scale = SCALE): Promise<void> {
	const cols = Math.ceil(Math.sqrt(scale.communities * ((EXTENT.east - EXTENT.west) / (EXTENT.north - EXTENT.south))));
	const rows = Math.ceil(scale.communities / cols);
	const dx = (EXTENT.east - EXTENT.west) / cols;
	const dy = (EXTENT.north - EXTENT.south) / rows;
	const n = scale.communities;
	const per = scale.buildingsPerCommunity;
	// A cheap deterministic hash of i in 0..99 (Knuth's multiplicative constant), so
	// published and unpublished communities are mixed rather than striped along the grid.
	const pct = (i: string) => `((${i}::bigint * 2654435761) % 4294967296) % 100`;
	await tx.exec(`
		alter table public.communities disable trigger user;
		alter table public.buildings disable trigger user;
		alter table public.renovation_projects disable trigger user;

		create temporary table scale_cells on commit drop as
		select i, ${EXTENT.west} + (i % ${cols}) * ${dx} as x, ${EXTENT.south} + (i / ${cols}) * ${dy} as y
		from generate_series(0, ${n - 1}) i;

		insert into public.communities (id, code, name, subdistrict_code, boundary, built_year, land_tenure,
		  households, residents, floor_area_m2, property_management, batch_year, published, is_demo)
		select md5('community ' || i)::uuid, 'SYN-' || i, '合成小区' || i,
		       (select s.code from public.subdistricts s
		        order by s.label_point operator(extensions.<->) extensions.st_point(x, y, 4326) limit 1),
		       extensions.st_multi(extensions.st_makeenvelope(x + ${dx * 0.05}, y + ${dy * 0.05}, x + ${dx * 0.95}, y + ${dy * 0.95}, 4326)),
		       1980 + i % 26, case when i % 10 = 0 then 'collective' else 'state_owned' end,
		       ${per * 24}, ${per * 60}, ${per * 2400},
		       (array['none', 'simple', 'professional'])[1 + i % 3],
		       case when i % 7 = 0 then null else 2019 + i % 7 end,
		       ${pct('i')} < ${Math.round(scale.published * 100)}, true
		from scale_cells;

		insert into public.buildings (community_id, code, name, footprint, floors, height_m, units, households,
		  floor_area_m2, built_year, elevator, is_demo)
		select md5('community ' || c.i)::uuid, 'SYN-' || c.i || '-' || k, k || '号楼',
		       extensions.st_makeenvelope(c.x + ${dx} * (0.1 + 0.16 * (k - 1)), c.y + ${dy * 0.2},
		                                  c.x + ${dx} * (0.22 + 0.16 * (k - 1)), c.y + ${dy * 0.8}, 4326),
		       3 + (c.i + k) % 5, 3 * (3 + (c.i + k) % 5), 1 + k % 3, 24, 2400, 1980 + c.i % 26,
		       (array['none', 'existing', 'retrofit_planned', 'retrofitted'])[1 + (c.i + k) % 4], true
		from scale_cells c, generate_series(1, ${per}) k;

		insert into public.renovation_projects (community_id, stage, status_as_of, is_demo)
		select c.id, (select s.code from public.project_stages s where s.ordinal = 1 + abs(hashtext(c.code)) % 6),
		       '2025-06-30', true
		from public.communities c where c.code like 'SYN-%' and c.batch_year is not null;

		alter table public.communities enable trigger user;
		alter table public.buildings enable trigger user;
		alter table public.renovation_projects enable trigger user;
		analyze public.communities, public.buildings, public.renovation_projects;
	`);
}
