import {
	ACCOUNT,
	BUILDING,
	COMMUNITY,
	FUNDING_LINE,
	MILESTONE_STAGE,
	PLAN_ITEM,
	PLACES,
	PROJECT,
	SPARE,
	STAFF,
	SUBDISTRICT,
	USER,
	plot,
	square,
	type Place
} from './fixture';
import { FACILITY, SPARE_FACILITY_KIND, spotIn } from './facility-fixture';
import { FEEDBACK, type FeedbackLabel } from './feedback-fixture';
import { manholeIn, PIPE_NODE, PIPE_SEGMENT, pipeIn, SPARE_PIPELINE_TYPE } from './pipe-fixture';
import { EXCLUDED, OVERRIDE, SUBMISSION, SUBMISSION_YEAR } from './schedule-fixture';
import type { SubjectName } from './subjects';

/**
 * The issue's role table (Roles, The record) as data: for every table, operation and subject,
 * which probes must succeed. A probe is one statement on one fixture row; whatever is not
 * listed must fail or touch nothing.
 */
export const OPS = ['select', 'insert', 'update', 'delete'] as const;
export type Op = (typeof OPS)[number];

/**
 * One attempt. `target` is a condition on the table that finds the probed row. A select
 * probe succeeds when the subject sees it; an insert when it exists afterwards; an update
 * when it changed (`set`); a delete when it is gone (`sql`, when not a plain delete, such as
 * a truncate).
 */
export interface Probe {
	label: string;
	target: string;
	set?: string;
	sql?: string;
}

export type Allowed = Partial<Record<SubjectName, readonly string[]>>;

export interface TableSpec {
	table: string;
	probes: Record<Op, readonly Probe[]>;
	allowed: Record<Op, Allowed>;
}

const PUBLIC_READERS = ['anon', 'noRole', 'unknownRole'] as const satisfies SubjectName[];
const SIGNED_IN = ['editorA', 'editorB', 'planner', 'leader', 'admin', 'noRole', 'unknownRole'] as const satisfies SubjectName[];
/** Those who see every row of a table they may read: by role, or as a control. */
const READ_ALL = ['planner', 'leader', 'admin', 'service', 'owner'] as const satisfies SubjectName[];
/** Those who write all planning data. */
const PLANNING = ['planner', 'admin', 'service', 'owner'] as const satisfies SubjectName[];
const CONTROLS = ['service', 'owner'] as const satisfies SubjectName[];
const EVERYONE = ['anon', ...SIGNED_IN, ...CONTROLS] as const satisfies SubjectName[];

function each(subjects: readonly SubjectName[], labels: readonly string[]): Allowed {
	return Object.fromEntries(subjects.map((s) => [s, labels]));
}

const labelsOf = (probes: readonly Probe[]) => probes.map((p) => p.label);
const OWN_A: Place[] = ['A', 'A-draft'];
const OWN_B: Place[] = ['B', 'B-draft'];
const PUBLISHED: Place[] = ['A', 'B'];

/** Reads of the four places: the public sees what is published, editors their own too. */
function placeReads(): Allowed {
	return {
		...each(PUBLIC_READERS, PUBLISHED),
		editorA: [...OWN_A, 'B'],
		editorB: ['A', ...OWN_B],
		...each(READ_ALL, PLACES)
	};
}

const byPlace = (ids: Record<Place, string>, column = 'id') =>
	PLACES.map((p) => ({ label: p, target: `${column} = '${ids[p]}'` }));

const communities: TableSpec = (() => {
	const locked = [
		['published', 'false'],
		['batch_year', '2031'],
		['subdistrict_code', `'${SUBDISTRICT.B}'`],
		['code', `'MX-renamed'`],
		// A valid reshape: square A grown a little on every side, still clear of square B.
		['boundary', `extensions.st_multi(extensions.st_expand(${square(0, 'polygon')}, 0.0002))`],
		['is_demo', 'true']
	].map(([column, value]) => ({ label: `A.${column}`, target: `id = '${COMMUNITY.A}'`, set: `${column} = ${value}` }));
	const probes = {
		select: byPlace(COMMUNITY),
		insert: (['A', 'B'] as const).map((p, n) => ({
			label: p,
			target: `code = 'MX-new-${p}'`,
			sql: `insert into public.communities (code, name, subdistrict_code, boundary, built_year, land_tenure, households,
			        floor_area_m2, property_management)
			      values ('MX-new-${p}', '新小区', '${SUBDISTRICT[p]}', ${square(40 + n)}, 1990, 'state_owned', 1, 1, 'none')`
		})),
		update: [...byPlace(COMMUNITY).map((p) => ({ ...p, set: 'households = 4242' })), ...locked],
		delete: byPlace(COMMUNITY)
	};
	return {
		table: 'public.communities',
		probes,
		allowed: {
			select: placeReads(),
			insert: each(PLANNING, ['A', 'B']),
			// Editors: facts and boundaries of their own communities, none of the columns the bureau keeps.
			update: { editorA: [...OWN_A, 'A.boundary'], editorB: OWN_B, ...each(PLANNING, labelsOf(probes.update)) },
			delete: each(PLANNING, PLACES)
		}
	};
})();

const buildings: TableSpec = (() => {
	const locked = [
		// Moved with a footprint inside its new community, as the geometry rules require.
		['community_id', `'${COMMUNITY['A-draft']}', footprint = ${plot('A-draft', 1)}`],
		['code', `'MX-A-renamed'`],
		['footprint', plot('A', 1)],
		['is_demo', 'true']
	].map(([column, value]) => ({ label: `A.${column}`, target: `id = '${BUILDING.A}'`, set: `${column} = ${value}` }));
	const probes = {
		select: byPlace(BUILDING),
		insert: (['A', 'B'] as const).map((p) => ({
			label: p,
			target: `code = 'MX-new-${p}-1'`,
			sql: `insert into public.buildings (community_id, code, name, footprint, floors, height_m, units, households,
			        floor_area_m2, built_year, elevator)
			      values ('${COMMUNITY[p]}', 'MX-new-${p}-1', '新楼', ${plot(p, 2)}, 6, 18, 2, 24, 1200, 1995, 'none')`
		})),
		update: [...byPlace(BUILDING).map((p) => ({ ...p, set: 'households = 42' })), ...locked],
		delete: byPlace(BUILDING)
	};
	return {
		table: 'public.buildings',
		probes,
		allowed: {
			select: placeReads(),
			// Editors add, redraw and remove the buildings of their own communities.
			insert: { editorA: ['A'], editorB: ['B'], ...each(PLANNING, ['A', 'B']) },
			update: { editorA: [...OWN_A, 'A.footprint'], editorB: OWN_B, ...each(PLANNING, labelsOf(probes.update)) },
			delete: { editorA: OWN_A, editorB: OWN_B, ...each(PLANNING, PLACES) }
		}
	};
})();

const renovationProjects: TableSpec = (() => {
	const locked = [
		['community_id', `'${COMMUNITY['A-bare']}'`],
		['is_demo', 'true']
	].map(([column, value]) => ({ label: `A.${column}`, target: `id = '${PROJECT.A}'`, set: `${column} = ${value}` }));
	const probes = {
		select: byPlace(PROJECT),
		insert: (['A', 'B'] as const).map((p) => ({
			label: p,
			target: `community_id = '${COMMUNITY[`${p}-bare`]}'`,
			sql: `insert into public.renovation_projects (community_id, stage, status_as_of)
			      values ('${COMMUNITY[`${p}-bare`]}', 'preparation', '2025-06-30')`
		})),
		// The stage and its date: the progress an editor reports.
		update: [...byPlace(PROJECT).map((p) => ({ ...p, set: `stage = 'construction', status_as_of = '2031-01-01'` })), ...locked],
		delete: byPlace(PROJECT)
	};
	return {
		table: 'public.renovation_projects',
		probes,
		allowed: {
			select: placeReads(),
			insert: each(PLANNING, ['A', 'B']),
			update: { editorA: OWN_A, editorB: OWN_B, ...each(PLANNING, labelsOf(probes.update)) },
			delete: each(PLANNING, PLACES)
		}
	};
})();

const projectMilestones: TableSpec = (() => {
	const milestone = (p: Place, stage = MILESTONE_STAGE[p]) => `project_id = '${PROJECT[p]}' and stage = '${stage}'`;
	const probes = {
		select: PLACES.map((p) => ({ label: p, target: milestone(p) })),
		insert: PLACES.map((p) => ({
			label: p,
			target: milestone(p, 'tendering'),
			sql: `insert into public.project_milestones (project_id, stage, planned_on) values ('${PROJECT[p]}', 'tendering', '2031-03-01')`
		})),
		update: [
			...PLACES.map((p) => ({ label: p, target: milestone(p), set: `planned_on = '2031-01-01', actual_on = '2031-02-01'` })),
			{ label: 'A.stage', target: milestone('A'), set: `stage = 'construction'` },
			{ label: 'A.project_id', target: milestone('A'), set: `project_id = '${PROJECT['A-draft']}'` }
		],
		delete: PLACES.map((p) => ({ label: p, target: milestone(p) }))
	};
	return {
		table: 'public.project_milestones',
		probes,
		allowed: {
			select: placeReads(),
			// Editors record the planned and actual dates of their own projects.
			insert: { editorA: OWN_A, editorB: OWN_B, ...each(PLANNING, PLACES) },
			update: { editorA: OWN_A, editorB: OWN_B, ...each(PLANNING, labelsOf(probes.update)) },
			delete: each(PLANNING, PLACES)
		}
	};
})();

/** A table of a community's plan: one row per place, written by planners and its own editors. */
function planTable(table: string, ids: Record<Place, string>, insert: (p: Place, id: string) => string, set: string, select: Allowed): TableSpec {
	const newId = (p: Place) => ids[p].replace(/^0(.)/, 'a$1');
	const probes = {
		select: byPlace(ids),
		insert: PLACES.map((p) => ({ label: p, target: `id = '${newId(p)}'`, sql: insert(p, newId(p)) })),
		update: byPlace(ids).map((p) => ({ ...p, set })),
		delete: byPlace(ids)
	};
	const writes: Allowed = { editorA: OWN_A, editorB: OWN_B, ...each(PLANNING, PLACES) };
	return { table, probes, allowed: { select, insert: writes, update: writes, delete: writes } };
}

// Plans are read like their community: the public those published.
const planItems = planTable(
	'public.plan_items',
	PLAN_ITEM,
	(p, id) => `insert into public.plan_items (id, community_id, catalogue_code, quantity) values ('${id}', '${COMMUNITY[p]}', 'greening', 50)`,
	`status = 'in_progress', percent_complete = 40`,
	placeReads()
);

// Funding never reaches the public, nor signed-in users without a staff role: editors
// read their own sub-districts', the bureau and leaders all.
const fundingLines = planTable(
	'public.funding_lines',
	FUNDING_LINE,
	(p, id) => `insert into public.funding_lines (id, community_id, source, amount_yuan) values ('${id}', '${COMMUNITY[p]}', 'donations', 5000)`,
	'amount_yuan = 4242',
	{ editorA: OWN_A, editorB: OWN_B, ...each(READ_ALL, PLACES) }
);

// Pipelines are sensitive infrastructure: no grant to the public, nothing for signed-in users
// without a staff role; editors read and write their own sub-districts', the bureau all.
const ownPipes = { editorA: OWN_A, editorB: OWN_B, ...each(READ_ALL, PLACES) };
const pipeSegments = planTable(
	'public.pipe_segments',
	PIPE_SEGMENT,
	(p, id) => `insert into public.pipe_segments (id, community_id, pipeline_type, material, section, depth_start_m, depth_end_m,
	              owner, state, geom)
	            values ('${id}', '${COMMUNITY[p]}', 'power', '混凝土', '600×400', 1.2, 1.5, '国网淄博供电', 'to_renew', ${pipeIn(p)})`,
	`state = 'to_renew', renewed_on = null`,
	ownPipes
);
const pipeNodes = planTable(
	'public.pipe_nodes',
	PIPE_NODE,
	(p, id) => `insert into public.pipe_nodes (id, community_id, pipeline_type, kind, depth_m, state, geom)
	            values ('${id}', '${COMMUNITY[p]}', 'water', 'valve', 1.2, 'to_renew', ${manholeIn(p)})`,
	`state = 'abandoned'`,
	ownPipes
);

// Facilities are read like their community and its plan: residents see published ones.
const facilities = planTable(
	'public.facilities',
	FACILITY,
	(p, id) => `insert into public.facilities (id, community_id, kind, state, capacity, geom)
	            values ('${id}', '${COMMUNITY[p]}', 'bulletin_board', 'planned', 2, ${spotIn(p, 1)})`,
	`capacity = 6, note = '增加分类桶'`,
	placeReads()
);

// Clearances: staff read them, planners adjust them; nothing for the public.
const pipeClearances: TableSpec = {
	table: 'public.pipe_clearances',
	probes: {
		select: [{ label: 'row', target: `pipeline_type = 'water'` }],
		insert: [
			{
				label: 'row',
				target: `pipeline_type = '${SPARE_PIPELINE_TYPE}'`,
				sql: `insert into public.pipe_clearances (pipeline_type, min_clearance_m, source) values ('${SPARE_PIPELINE_TYPE}', 1.2, '矩阵')`
			}
		],
		update: [{ label: 'row', target: `pipeline_type = 'water'`, set: 'min_clearance_m = 1.5' }],
		delete: [{ label: 'row', target: `pipeline_type = 'water'` }]
	},
	allowed: {
		select: each(['editorA', 'editorB', ...READ_ALL], ['row']),
		insert: each(PLANNING, ['row']),
		update: each(PLANNING, ['row']),
		delete: each(PLANNING, ['row'])
	}
};

const catalogueRow = `code = '${SPARE.catalogueItem}'`;
const renovationCatalogue: TableSpec = {
	table: 'public.renovation_catalogue',
	probes: {
		select: [{ label: 'row', target: catalogueRow }],
		insert: [
			{
				label: 'row',
				target: `code = 'matrix_new'`,
				sql: `insert into public.renovation_catalogue (code, ordinal, item_class, part, unit, name_zh, name_en)
				      values ('matrix_new', 991, 'upgrade', 'outside_buildings', '处', '新条目', 'New item')`
			}
		],
		update: [{ label: 'row', target: catalogueRow, set: `name_zh = '改名条目'` }],
		delete: [{ label: 'row', target: catalogueRow }]
	},
	allowed: {
		select: each(EVERYONE, ['row']),
		insert: each(PLANNING, ['row']),
		update: each(PLANNING, ['row']),
		delete: each(PLANNING, ['row'])
	}
};

const targetRow = `period_start = ${SPARE.targetYear} and version = 1`;
const renovationTargets: TableSpec = {
	table: 'public.renovation_targets',
	probes: {
		select: [{ label: 'row', target: targetRow }],
		insert: [
			{
				label: 'row',
				target: `period_start = ${SPARE.targetYear} and version = 2`,
				sql: `insert into public.renovation_targets (district_code, period_start, period_end, communities, buildings,
				        floor_area_wan_m2, households, version, source, adopted_on)
				      values ('370303', ${SPARE.targetYear}, ${SPARE.targetYear}, 2, 2, 2, 2, 2, 'test', '2025-06-01')`
			}
		],
		update: [{ label: 'row', target: targetRow, set: 'households = 99' }],
		delete: [{ label: 'row', target: targetRow }]
	},
	allowed: {
		select: each(EVERYONE, ['row']),
		insert: each(PLANNING, ['row']),
		update: each(PLANNING, ['row']),
		delete: each(PLANNING, ['row'])
	}
};

/** A table of public reference data that only migrations and jobs change. */
function reference(table: string, key: string, spare: string, insert: { value: string; sql: string }, set: string): TableSpec {
	return {
		table,
		probes: {
			select: [{ label: 'row', target: `${key} = '${spare}'` }],
			insert: [{ label: 'row', target: `${key} = '${insert.value}'`, sql: insert.sql }],
			update: [{ label: 'row', target: `${key} = '${spare}'`, set }],
			delete: [{ label: 'row', target: `${key} = '${spare}'` }]
		},
		allowed: {
			select: each(EVERYONE, ['row']),
			insert: each(CONTROLS, ['row']),
			update: each(CONTROLS, ['row']),
			delete: each(CONTROLS, ['row'])
		}
	};
}

const districts = reference(
	'public.districts',
	'code',
	SPARE.district,
	{
		value: '370398',
		sql: `insert into public.districts (code, name, outline, source) values ('370398', '新区', ${square(60)}, 'test')`
	},
	`name = '改名区'`
);
const subdistricts = reference(
	'public.subdistricts',
	'code',
	SPARE.subdistrict,
	{
		value: '370303998',
		sql: `insert into public.subdistricts (code, district_code, name, kind) values ('370303998', '370303', '新街道', 'street')`
	},
	`name = '改名街道'`
);
const projectStages = reference(
	'public.project_stages',
	'code',
	SPARE.stage,
	{ value: 'matrix_new', sql: `insert into public.project_stages (code, ordinal, name_zh) values ('matrix_new', 91, '新阶段')` },
	`name_zh = '改名阶段'`
);
const pipelineTypes = reference(
	'public.pipeline_types',
	'code',
	SPARE_PIPELINE_TYPE,
	{
		value: 'matrix_new',
		sql: `insert into public.pipeline_types (code, ordinal, name_zh, name_en) values ('matrix_new', 91, '新管线', 'New line')`
	},
	`name_zh = '改名管线'`
);

const facilityKinds = reference(
	'public.facility_kinds',
	'code',
	SPARE_FACILITY_KIND,
	{
		value: 'matrix_new',
		sql: `insert into public.facility_kinds (code, ordinal, name_zh, name_en, icon, catalogue_code, geometry_kind, capacity_unit, is_structure)
		      values ('matrix_new', 91, '新设施', 'New facility', 'marker', 'fitness', 'polygon', 'm²', false)`
	},
	`name_zh = '改名设施'`
);

const staffProbes = STAFF.map((s) => ({ label: s.key, target: `user_id = '${USER[s.key]}'` }));
const staff: TableSpec = {
	table: 'public.staff',
	probes: {
		select: staffProbes,
		insert: [
			{
				label: 'member',
				target: `email = 'new-member@example.org'`,
				sql: `insert into public.staff (user_id, email, display_name, app_role, subdistricts)
				      values ('0a000000-0000-4000-8000-0000000000aa', 'new-member@example.org', '新成员', 'editor', '{${SUBDISTRICT.A}}')`
			}
		],
		update: staffProbes.map((p) => ({ ...p, set: `display_name = '改名'` })),
		delete: staffProbes
	},
	allowed: {
		// Everyone reads their own row (the server builds the claims from it); admins all.
		select: {
			...Object.fromEntries(STAFF.map((s) => [s.key, [s.key]])),
			...each(['admin', ...CONTROLS], labelsOf(staffProbes))
		},
		insert: each(['admin', ...CONTROLS], ['member']),
		update: each(['admin', ...CONTROLS], labelsOf(staffProbes)),
		delete: each(['admin', ...CONTROLS], labelsOf(staffProbes))
	}
};

// The fixture's own insert of community A, and of each member of staff, are on the record.
const auditOf = (p: 'A' | 'B') => `table_name = 'communities' and row_id = '${COMMUNITY[p]}' and action = 'insert'`;
const auditLog: TableSpec = {
	table: 'public.audit_log',
	probes: {
		select: [
			{ label: 'A', target: `subdistrict_code = '${SUBDISTRICT.A}'` },
			{ label: 'B', target: `subdistrict_code = '${SUBDISTRICT.B}'` },
			{ label: 'unscoped', target: `table_name = 'staff'` }
		],
		insert: [
			{
				label: 'record',
				target: `table_name = 'matrix'`,
				sql: `insert into public.audit_log (table_name, row_id, action) values ('matrix', 'forged', 'delete')`
			}
		],
		update: [{ label: 'A', target: auditOf('A'), set: `actor_name = '篡改'` }],
		delete: [
			{ label: 'A', target: auditOf('A') },
			{ label: 'truncate', target: 'true', sql: 'truncate public.audit_log' }
		]
	},
	allowed: {
		select: { editorA: ['A'], editorB: ['B'], ...each(READ_ALL, ['A', 'B', 'unscoped']) },
		// Only the triggers write it, as the owner; nobody changes what is written.
		insert: { owner: ['record'] },
		update: {},
		delete: {}
	}
};

const SIDES = ['A', 'B'] as const;
const sideReads = (): Allowed => ({ editorA: ['A'], editorB: ['B'], ...each(READ_ALL, SIDES) });

// Overrides: read by staff of the community, granted, corrected and withdrawn by planners only.
const eligibilityOverrides: TableSpec = {
	table: 'public.eligibility_overrides',
	probes: {
		select: SIDES.map((p) => ({ label: p, target: `id = '${OVERRIDE[p]}'` })),
		insert: SIDES.map((p) => ({
			label: p,
			target: `reason = '新例外${p}'`,
			sql: `insert into public.eligibility_overrides (community_id, reason) values ('${EXCLUDED[p]}', '新例外${p}')`
		})),
		update: SIDES.map((p) => ({ label: p, target: `id = '${OVERRIDE[p]}'`, set: `reason = '改写理由'` })),
		delete: SIDES.map((p) => ({ label: p, target: `id = '${OVERRIDE[p]}'` }))
	},
	allowed: {
		select: sideReads(),
		insert: each(PLANNING, SIDES),
		update: each(PLANNING, SIDES),
		delete: each(PLANNING, SIDES)
	}
};

// Re-plans: written by the milestone trigger only, never changed by anyone.
const milestoneReplans: TableSpec = {
	table: 'public.milestone_replans',
	probes: {
		select: SIDES.map((p) => ({ label: p, target: `project_id = '${PROJECT[p]}'` })),
		insert: [
			{
				label: 'row',
				target: `reason = '伪造'`,
				sql: `insert into public.milestone_replans (project_id, stage, old_on, new_on, reason)
				      values ('${PROJECT.A}', '${MILESTONE_STAGE.A}', '2025-01-01', '2025-02-01', '伪造')`
			}
		],
		update: SIDES.map((p) => ({ label: p, target: `project_id = '${PROJECT[p]}'`, set: `reason = '改写'` })),
		delete: SIDES.map((p) => ({ label: p, target: `project_id = '${PROJECT[p]}'` }))
	},
	allowed: {
		select: sideReads(),
		insert: each(CONTROLS, ['row']),
		update: {},
		delete: each(CONTROLS, SIDES)
	}
};

// Candidate lists: each office sends and corrects its own; planners any, and remove one sent by mistake.
const candidateSubmissions: TableSpec = {
	table: 'public.candidate_submissions',
	probes: {
		select: SIDES.map((p) => ({ label: p, target: `id = '${SUBMISSION[p]}'` })),
		insert: SIDES.map((p) => ({
			label: p,
			target: `plan_year = ${SUBMISSION_YEAR + 1} and subdistrict_code = '${SUBDISTRICT[p]}'`,
			sql: `insert into public.candidate_submissions (plan_year, subdistrict_code) values (${SUBMISSION_YEAR + 1}, '${SUBDISTRICT[p]}')`
		})),
		update: SIDES.map((p) => ({ label: p, target: `id = '${SUBMISSION[p]}'`, set: `note = '更正'` })),
		delete: SIDES.map((p) => ({ label: p, target: `id = '${SUBMISSION[p]}'` }))
	},
	allowed: {
		select: sideReads(),
		insert: { editorA: ['A'], editorB: ['B'], ...each(PLANNING, SIDES) },
		update: { editorA: ['A'], editorB: ['B'], ...each(PLANNING, SIDES) },
		delete: each(PLANNING, SIDES)
	}
};

// Residents' feedback: the public reads approved feedback of published communities; staff
// also the rest of the communities they answer for (the bureau all). Only the status is
// anyone's to change (moderation), by planners and the community's editors; residents
// submit through private.submit_feedback, never by a direct insert.
const feedback: TableSpec = (() => {
	const byLabel = (label: FeedbackLabel) => ({ label, target: `id = '${FEEDBACK[label]}'` });
	const probes = {
		select: (Object.keys(FEEDBACK) as FeedbackLabel[]).map(byLabel),
		insert: [
			{
				label: 'A',
				target: `comment = '矩阵新建议'`,
				sql: `insert into public.feedback (community_id, kind, comment) values ('${COMMUNITY.A}', 'suggestion', '矩阵新建议')`
			}
		],
		update: [
			{ ...byLabel('A.pending'), set: `status = 'approved'` },
			{ ...byLabel('B.pending'), set: `status = 'rejected'` },
			{ label: 'A.comment', target: `id = '${FEEDBACK.A}'`, set: `comment = '篡改'` }
		],
		delete: [byLabel('A')]
	};
	return {
		table: 'public.feedback',
		probes,
		allowed: {
			select: {
				...each(PUBLIC_READERS, ['A', 'B']),
				editorA: ['A', 'A.pending', 'B', 'A-draft'],
				editorB: ['A', 'B', 'B.pending'],
				...each(READ_ALL, labelsOf(probes.select))
			},
			insert: each(CONTROLS, ['A']),
			update: { editorA: ['A.pending'], editorB: ['B.pending'], ...each(['planner', 'admin'], ['A.pending', 'B.pending']), ...each(CONTROLS, labelsOf(probes.update)) },
			delete: each(CONTROLS, ['A'])
		}
	};
})();

/** An accounts table: nobody but service_role (and the owner) may touch it. */
function account(table: string, target: string, insert: { target: string; sql: string }, set: string): TableSpec {
	return {
		table,
		probes: {
			select: [{ label: 'row', target }],
			insert: [{ label: 'row', ...insert }],
			update: [{ label: 'row', target, set }],
			delete: [{ label: 'row', target }]
		},
		allowed: {
			select: each(CONTROLS, ['row']),
			insert: each(CONTROLS, ['row']),
			update: each(CONTROLS, ['row']),
			delete: each(CONTROLS, ['row'])
		}
	};
}

const accountsUsers = account(
	'accounts.users',
	`id = '${ACCOUNT.userId}'`,
	{
		target: `email = 'new-account@example.org'`,
		sql: `insert into accounts.users (email, password_hash) values ('new-account@example.org', '$scrypt$ln=15,r=8,p=1$c2FsdA$aGFzaA')`
	},
	`password_changed_at = '2031-01-01'`
);
const accountsSessions = account(
	'accounts.sessions',
	`token_hash = '${ACCOUNT.tokenHash}'`,
	{
		target: `token_hash = '${'b'.repeat(64)}'`,
		sql: `insert into accounts.sessions (token_hash, user_id, expires_at) values ('${'b'.repeat(64)}', '${ACCOUNT.userId}', now() + interval '1 day')`
	},
	`expires_at = '2031-01-01'`
);
const accountsFailures = account(
	'accounts.sign_in_failures',
	`email = '${ACCOUNT.failureEmail}'`,
	{
		target: `email = 'new-failure@example.org'`,
		sql: `insert into accounts.sign_in_failures (email, client) values ('new-failure@example.org', '127.0.0.2')`
	},
	`client = '127.0.0.3'`
);

export const MATRIX: readonly TableSpec[] = [
	communities,
	buildings,
	renovationProjects,
	projectMilestones,
	planItems,
	fundingLines,
	renovationCatalogue,
	renovationTargets,
	subdistricts,
	districts,
	projectStages,
	staff,
	auditLog,
	eligibilityOverrides,
	milestoneReplans,
	candidateSubmissions,
	pipeSegments,
	pipeNodes,
	pipelineTypes,
	facilities,
	facilityKinds,
	pipeClearances,
	feedback,
	accountsUsers,
	accountsSessions,
	accountsFailures
];

export function tableSpec(table: string): TableSpec {
	const found = MATRIX.find((t) => t.table === table);
	if (!found) throw new Error(`the matrix has no table ${table}`);
	return found;
}

/** What a subject may do with a table's probes, in probe order. */
export function expected(spec: TableSpec, op: Op, who: SubjectName): string[] {
	const allowed = new Set(spec.allowed[op][who] ?? []);
	return labelsOf(spec.probes[op]).filter((l) => allowed.has(l));
}
