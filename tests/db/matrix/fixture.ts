import type { Database } from '../../../src/lib/server/db/types';

/**
 * The rows the database tests act on, added as the owner on top of the demo data, with
 * fixed ids so that probes and expectations can name them. Two sub-districts, A and B, each
 * with a published and an unpublished ("draft") community that has a building, a project and
 * a milestone, and a bare unpublished community with no project yet.
 */
export const SUBDISTRICT = { A: '370303001', B: '370303002' } as const;

/** The communities that carry a building, a project and a milestone. */
export const PLACES = ['A', 'A-draft', 'B', 'B-draft'] as const;
export type Place = (typeof PLACES)[number];

export const COMMUNITY = {
	A: '0c000000-0000-4000-8000-00000000000a',
	'A-draft': '0c000000-0000-4000-8000-0000000000ad',
	'A-bare': '0c000000-0000-4000-8000-0000000000ab',
	B: '0c000000-0000-4000-8000-00000000000b',
	'B-draft': '0c000000-0000-4000-8000-0000000000bd',
	'B-bare': '0c000000-0000-4000-8000-0000000000bb'
} as const;

export const BUILDING: Record<Place, string> = {
	A: '0b000000-0000-4000-8000-00000000000a',
	'A-draft': '0b000000-0000-4000-8000-0000000000ad',
	B: '0b000000-0000-4000-8000-00000000000b',
	'B-draft': '0b000000-0000-4000-8000-0000000000bd'
};

export const PROJECT: Record<Place, string> = {
	A: '0e000000-0000-4000-8000-00000000000a',
	'A-draft': '0e000000-0000-4000-8000-0000000000ad',
	B: '0e000000-0000-4000-8000-00000000000b',
	'B-draft': '0e000000-0000-4000-8000-0000000000bd'
};

/** Each place's one plan item and one funding line (tied to nothing). */
export const PLAN_ITEM: Record<Place, string> = {
	A: '0d000000-0000-4000-8000-00000000000a',
	'A-draft': '0d000000-0000-4000-8000-0000000000ad',
	B: '0d000000-0000-4000-8000-00000000000b',
	'B-draft': '0d000000-0000-4000-8000-0000000000bd'
};

export const FUNDING_LINE: Record<Place, string> = {
	A: '0f000000-0000-4000-8000-00000000000a',
	'A-draft': '0f000000-0000-4000-8000-0000000000ad',
	B: '0f000000-0000-4000-8000-00000000000b',
	'B-draft': '0f000000-0000-4000-8000-0000000000bd'
};

/** Each project's one milestone; drafts hold a different stage so a milestone can move there. */
export const MILESTONE_STAGE: Record<Place, string> = { A: 'preparation', 'A-draft': 'approval', B: 'preparation', 'B-draft': 'approval' };

/** The signed-in users of the matrix; the first five are staff. */
export const USER = {
	editorA: '0a000000-0000-4000-8000-0000000000e1',
	editorB: '0a000000-0000-4000-8000-0000000000e2',
	planner: '0a000000-0000-4000-8000-0000000000f1',
	leader: '0a000000-0000-4000-8000-0000000000f2',
	admin: '0a000000-0000-4000-8000-0000000000f3',
	noRole: '0a000000-0000-4000-8000-000000000001',
	unknownRole: '0a000000-0000-4000-8000-000000000002'
} as const;

export const STAFF = [
	{ key: 'editorA', role: 'editor', name: '车站街道编辑', subdistricts: [SUBDISTRICT.A] },
	{ key: 'editorB', role: 'editor', name: '公园街道编辑', subdistricts: [SUBDISTRICT.B] },
	{ key: 'planner', role: 'planner', name: '住建局规划', subdistricts: [] },
	{ key: 'leader', role: 'leader', name: '区领导', subdistricts: [] },
	{ key: 'admin', role: 'admin', name: '系统管理员', subdistricts: [] }
] as const;
export type StaffKey = (typeof STAFF)[number]['key'];

/** A local account with a session and a failed sign-in, for the accounts schema. */
export const ACCOUNT = {
	userId: USER.editorA,
	tokenHash: 'a'.repeat(64),
	failureEmail: 'matrix-failure@example.org'
} as const;

/** Reference rows that nothing refers to, so that deleting them breaks no foreign key. */
export const SPARE = {
	district: '370399',
	subdistrict: '370303999',
	stage: 'matrix_stage',
	targetYear: 2030,
	catalogueItem: 'matrix_item'
} as const;

/**
 * A small square near Zhangdian (about 90 × 110 m), `n` steps east of the first, as a MultiPolygon or
 * Polygon. Squares 0–51 lie on free land inside the district (demo data meets none of them; from 52
 * on they leave it). Taken with this fixture: 0–5 its communities, 10–11 plan.test, 20 the spare
 * district, 30–31 the schedule fixture, 40–41 and 60 the matrix's inserts, 45–46 the audit cases.
 */
export function square(n: number, kind: 'multi' | 'polygon' = 'multi'): string {
	const x = 118.05 + n * 0.002;
	const box = `extensions.st_makeenvelope(${x}, 36.81, ${x + 0.001}, 36.811, 4326)`;
	return kind === 'multi' ? `extensions.st_multi(${box})` : box;
}

/**
 * A building-sized box (about 9 × 11 m) inside the square of `community`, in slot `slot` (0–3) of its
 * row: the geometry rules keep a footprint inside its community and off other footprints.
 */
export function plot(community: keyof typeof COMMUNITY, slot = 0): string {
	return plotIn(Object.keys(COMMUNITY).indexOf(community), slot);
}

/** The same box inside `square(n)`, for a community of a test's own placed on that square. */
export function plotIn(n: number, slot = 0): string {
	const x = 118.05 + n * 0.002 + 0.0001 + slot * 0.0002;
	return `extensions.st_makeenvelope(${x}, 36.8104, ${x + 0.0001}, 36.8105, 4326)`;
}

function communityRow(label: keyof typeof COMMUNITY, n: number): string {
	const subdistrict = label.startsWith('A') ? SUBDISTRICT.A : SUBDISTRICT.B;
	const published = !label.includes('-');
	return `('${COMMUNITY[label]}', 'MX-${label}', '矩阵${label}', '${subdistrict}', ${square(n)}, 1995, 'state_owned', 100, 5000, 'none', ${published})`;
}

/** Adds the fixture rows as the owner (the audit log records them with no actor). */
export async function addFixture(db: Database): Promise<void> {
	const labels = Object.keys(COMMUNITY) as (keyof typeof COMMUNITY)[];
	await db.transaction((tx) =>
		tx.exec(`
			insert into public.communities (id, code, name, subdistrict_code, boundary, built_year, land_tenure,
			  households, floor_area_m2, property_management, published)
			values ${labels.map((label, n) => communityRow(label, n)).join(',\n')};

			insert into public.buildings (id, community_id, code, name, footprint, floors, height_m, units, households,
			  floor_area_m2, built_year, elevator)
			values ${PLACES.map((p) => `('${BUILDING[p]}', '${COMMUNITY[p]}', 'MX-${p}-1', '1号楼', ${plot(p)}, 5, 15, 2, 20, 1000, 1995, 'none')`).join(',\n')};

			insert into public.renovation_projects (id, community_id, stage, status_as_of)
			values ${PLACES.map((p) => `('${PROJECT[p]}', '${COMMUNITY[p]}', 'preparation', '2025-06-30')`).join(',\n')};

			insert into public.project_milestones (project_id, stage, planned_on)
			values ${PLACES.map((p) => `('${PROJECT[p]}', '${MILESTONE_STAGE[p]}', '2025-10-31')`).join(',\n')};

			insert into public.plan_items (id, community_id, catalogue_code, quantity, budget_yuan)
			values ${PLACES.map((p) => `('${PLAN_ITEM[p]}', '${COMMUNITY[p]}', 'roads', 1000, 200000)`).join(',\n')};

			insert into public.funding_lines (id, community_id, source, amount_yuan)
			values ${PLACES.map((p) => `('${FUNDING_LINE[p]}', '${COMMUNITY[p]}', 'district_budget', 150000)`).join(',\n')};

			insert into public.renovation_catalogue (code, ordinal, item_class, part, unit, name_zh, name_en)
			values ('${SPARE.catalogueItem}', 990, 'basic', 'outside_buildings', '处', '矩阵条目', 'Matrix item');

			insert into public.staff (user_id, email, display_name, app_role, subdistricts)
			values ${STAFF.map((s) => `('${USER[s.key]}', '${s.key.toLowerCase()}@example.org', '${s.name}', '${s.role}', '{${s.subdistricts.join(',')}}')`).join(',\n')};

			insert into public.districts (code, name, outline, source) values ('${SPARE.district}', '矩阵区', ${square(20)}, 'test');
			insert into public.subdistricts (code, district_code, name, kind) values ('${SPARE.subdistrict}', '370303', '矩阵街道', 'street');
			insert into public.project_stages (code, ordinal, name_zh) values ('${SPARE.stage}', 90, '矩阵阶段');
			insert into public.renovation_targets (district_code, period_start, period_end, communities, buildings,
			  floor_area_wan_m2, households, version, source, adopted_on)
			values ('370303', ${SPARE.targetYear}, ${SPARE.targetYear}, 1, 1, 1, 1, 1, 'test', '2025-01-01');

			insert into accounts.users (id, email, password_hash) values ('${ACCOUNT.userId}', 'editora@example.org', '$scrypt$ln=15,r=8,p=1$c2FsdA$aGFzaA');
			insert into accounts.sessions (token_hash, user_id, expires_at) values ('${ACCOUNT.tokenHash}', '${ACCOUNT.userId}', now() + interval '1 day');
			insert into accounts.sign_in_failures (email, client) values ('${ACCOUNT.failureEmail}', '127.0.0.1');
		`)
	);
}
