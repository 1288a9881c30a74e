import { expect } from 'vitest';
import { BUILDING, COMMUNITY, FUNDING_LINE, MILESTONE_STAGE, PLAN_ITEM, PROJECT, plot, SPARE, square, SUBDISTRICT, USER, type StaffKey } from './matrix/fixture';
import { spotIn } from './matrix/facility-fixture';
import { manholeIn, pipeIn } from './matrix/pipe-fixture';

/** A record of the audit log as the tests read it. */
export interface AuditRecord {
	table_name: string;
	row_id: string;
	action: string;
	actor_id: string | null;
	actor_name: string | null;
	actor_role: string | null;
	community_id: string | null;
	subdistrict_code: string | null;
	old_values: Record<string, unknown> | null;
	new_values: Record<string, unknown> | null;
	same_transaction: boolean;
}

/**
 * One kind of write on one audited table, by a member of staff of the matrix fixture, and
 * the one record it must leave (the actor comes from the staff row).
 */
export interface WriteCase {
	what: string;
	by: StaffKey;
	/** Run as the owner first, in the same transaction; not part of what is recorded. */
	before?: string;
	sql: string;
	record: Omit<AuditRecord, 'actor_id' | 'actor_name' | 'actor_role' | 'same_transaction'>;
}

const A = SUBDISTRICT.A;
const NEW_COMMUNITY = '0c000000-0000-4000-8000-0000000000ff';
const NEW_BUILDING = '0b000000-0000-4000-8000-0000000000ff';
const NEW_PROJECT = '0e000000-0000-4000-8000-0000000000ff';
const NEW_MEMBER = '0a000000-0000-4000-8000-0000000000ff';
const NEW_PLAN_ITEM = '0d000000-0000-4000-8000-0000000000ff';
const NEW_FUNDING_LINE = '0f000000-0000-4000-8000-0000000000ff';
const milestoneA = `${PROJECT.A}/${MILESTONE_STAGE.A}`;

const EXCLUDED = '0c000000-0000-4000-8000-0000000000ee';
const OVERRIDE = '0d000000-0000-4000-8000-0000000000ee';
const SUBMISSION = '0f000000-0000-4000-8000-0000000000ee';
/** A community on collective land (not eligible), and with `override` a planner's override of it. */
const excluded = (override: boolean) =>
	`insert into public.communities (id, code, name, subdistrict_code, boundary, built_year, land_tenure, households, floor_area_m2, property_management)
	 values ('${EXCLUDED}', 'AU-X', '集体土地小区', '${A}', ${square(46)}, 1990, 'collective', 10, 100, 'none');` +
	(override ? `insert into public.eligibility_overrides (id, community_id, reason) values ('${OVERRIDE}', '${EXCLUDED}', '区政府同意纳入');` : '');
const submission = `insert into public.candidate_submissions (id, plan_year, subdistrict_code) values ('${SUBMISSION}', 2031, '${A}')`;

/** Eligibility overrides and candidate lists (20261127090500, 090700). */
function scheduleWrites(): WriteCase[] {
	const override = { table_name: 'eligibility_overrides', community_id: EXCLUDED, subdistrict_code: A };
	const list = { table_name: 'candidate_submissions', row_id: SUBMISSION, community_id: null, subdistrict_code: null };
	return [
		{
			what: 'a planner overrides the eligibility of a community',
			by: 'planner',
			before: excluded(false),
			sql: `insert into public.eligibility_overrides (community_id, reason) values ('${EXCLUDED}', '区政府同意纳入')`,
			record: {
				...override,
				row_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
				action: 'insert',
				old_values: null,
				new_values: expect.objectContaining({ reason: '区政府同意纳入', covers: ['collective_land', 'support_unknown'], granted_by: USER.planner })
			}
		},
		{
			what: 'a planner corrects an override’s reason',
			by: 'planner',
			before: excluded(true),
			sql: `update public.eligibility_overrides set reason = '区政府常务会议同意纳入' where id = '${OVERRIDE}'`,
			record: { ...override, row_id: OVERRIDE, action: 'update', old_values: { reason: '区政府同意纳入' }, new_values: { reason: '区政府常务会议同意纳入' } }
		},
		{
			what: 'a planner withdraws an override',
			by: 'planner',
			before: excluded(true),
			sql: `delete from public.eligibility_overrides where id = '${OVERRIDE}'`,
			record: { ...override, row_id: OVERRIDE, action: 'delete', old_values: expect.objectContaining({ reason: '区政府同意纳入' }), new_values: null }
		},
		{
			what: 'an editor sends its office’s candidate list',
			by: 'editorA',
			sql: submission,
			record: { ...list, action: 'insert', old_values: null, new_values: expect.objectContaining({ plan_year: 2031, subdistrict_code: A, submitted_by: USER.editorA }) }
		},
		{
			what: 'an editor corrects its candidate list',
			by: 'editorA',
			before: submission,
			sql: `update public.candidate_submissions set note = '补报' where id = '${SUBMISSION}'`,
			record: { ...list, action: 'update', old_values: { note: null }, new_values: { note: '补报' } }
		},
		{
			what: 'a planner removes a list sent by mistake',
			by: 'planner',
			before: submission,
			sql: `delete from public.candidate_submissions where id = '${SUBMISSION}'`,
			record: { ...list, action: 'delete', old_values: expect.objectContaining({ plan_year: 2031 }), new_values: null }
		}
	];
}

export const WRITES: WriteCase[] = [
	{
		what: 'a planner adds a community',
		by: 'planner',
		sql: `insert into public.communities (id, code, name, subdistrict_code, boundary, built_year, land_tenure, households,
		        floor_area_m2, property_management)
		      values ('${NEW_COMMUNITY}', 'AU-1', '审计小区', '${A}', ${square(45)},
		        1990, 'state_owned', 10, 100, 'none')`,
		record: {
			table_name: 'communities',
			row_id: NEW_COMMUNITY,
			action: 'insert',
			community_id: NEW_COMMUNITY,
			subdistrict_code: A,
			old_values: null,
			new_values: expect.objectContaining({ id: NEW_COMMUNITY, code: 'AU-1', name: '审计小区', households: 10, version: 1 })
		}
	},
	{
		what: 'an editor corrects a community’s facts',
		by: 'editorA',
		sql: `update public.communities set households = 120, residents = 300 where id = '${COMMUNITY.A}'`,
		record: {
			table_name: 'communities',
			row_id: COMMUNITY.A,
			action: 'update',
			community_id: COMMUNITY.A,
			subdistrict_code: A,
			old_values: { households: 100, residents: null },
			new_values: { households: 120, residents: 300 }
		}
	},
	{
		what: 'a planner removes a community',
		by: 'planner',
		sql: `delete from public.communities where id = '${COMMUNITY['A-bare']}'`,
		record: {
			table_name: 'communities',
			row_id: COMMUNITY['A-bare'],
			action: 'delete',
			community_id: COMMUNITY['A-bare'],
			subdistrict_code: A,
			old_values: expect.objectContaining({ id: COMMUNITY['A-bare'], code: 'MX-A-bare', published: false }),
			new_values: null
		}
	},
	{
		what: 'a planner adds a building',
		by: 'planner',
		sql: `insert into public.buildings (id, community_id, code, name, footprint, floors, height_m, units, households,
		        floor_area_m2, built_year, elevator)
		      values ('${NEW_BUILDING}', '${COMMUNITY.A}', 'AU-1-1', '审计楼', ${plot('A', 3)},
		        3, 9, 1, 6, 300, 1990, 'none')`,
		record: {
			table_name: 'buildings',
			row_id: NEW_BUILDING,
			action: 'insert',
			community_id: COMMUNITY.A,
			subdistrict_code: A,
			old_values: null,
			new_values: expect.objectContaining({ id: NEW_BUILDING, code: 'AU-1-1', floors: 3 })
		}
	},
	{
		what: 'an editor records a retrofitted lift',
		by: 'editorA',
		sql: `update public.buildings set elevator = 'retrofitted' where id = '${BUILDING.A}'`,
		record: {
			table_name: 'buildings',
			row_id: BUILDING.A,
			action: 'update',
			community_id: COMMUNITY.A,
			subdistrict_code: A,
			old_values: { elevator: 'none' },
			new_values: { elevator: 'retrofitted' }
		}
	},
	{
		what: 'a planner removes a building',
		by: 'planner',
		sql: `delete from public.buildings where id = '${BUILDING.A}'`,
		record: {
			table_name: 'buildings',
			row_id: BUILDING.A,
			action: 'delete',
			community_id: COMMUNITY.A,
			subdistrict_code: A,
			old_values: expect.objectContaining({ id: BUILDING.A, code: 'MX-A-1' }),
			new_values: null
		}
	},
	{
		what: 'a planner starts a project',
		by: 'planner',
		sql: `insert into public.renovation_projects (id, community_id, stage, status_as_of)
		      values ('${NEW_PROJECT}', '${COMMUNITY['A-bare']}', 'preparation', '2026-01-05')`,
		record: {
			table_name: 'renovation_projects',
			row_id: NEW_PROJECT,
			action: 'insert',
			community_id: COMMUNITY['A-bare'],
			subdistrict_code: A,
			old_values: null,
			new_values: expect.objectContaining({ id: NEW_PROJECT, stage: 'preparation', status_as_of: '2026-01-05' })
		}
	},
	{
		what: 'an editor moves a project to the next stage',
		by: 'editorA',
		sql: `update public.renovation_projects set stage = 'approval', status_as_of = '2026-02-01' where id = '${PROJECT.A}'`,
		record: {
			table_name: 'renovation_projects',
			row_id: PROJECT.A,
			action: 'update',
			community_id: COMMUNITY.A,
			subdistrict_code: A,
			old_values: { stage: 'preparation', status_as_of: '2025-06-30' },
			new_values: { stage: 'approval', status_as_of: '2026-02-01' }
		}
	},
	{
		what: 'a planner removes a project (its milestone first)',
		by: 'planner',
		before: `delete from public.project_milestones where project_id = '${PROJECT.A}'`,
		sql: `delete from public.renovation_projects where id = '${PROJECT.A}'`,
		record: {
			table_name: 'renovation_projects',
			row_id: PROJECT.A,
			action: 'delete',
			community_id: COMMUNITY.A,
			subdistrict_code: A,
			old_values: expect.objectContaining({ id: PROJECT.A, stage: 'preparation' }),
			new_values: null
		}
	},
	{
		what: 'an editor plans a milestone',
		by: 'editorA',
		sql: `insert into public.project_milestones (project_id, stage, planned_on) values ('${PROJECT.A}', 'tendering', '2026-05-01')`,
		record: {
			table_name: 'project_milestones',
			row_id: `${PROJECT.A}/tendering`,
			action: 'insert',
			community_id: COMMUNITY.A,
			subdistrict_code: A,
			old_values: null,
			new_values: { project_id: PROJECT.A, stage: 'tendering', planned_on: '2026-05-01', actual_on: null, baseline_on: '2026-05-01', version: 1, updated_at: expect.any(String) }
		}
	},
	{
		what: 'an editor records when a milestone was reached',
		by: 'editorA',
		sql: `update public.project_milestones set actual_on = '2025-11-02' where project_id = '${PROJECT.A}' and stage = '${MILESTONE_STAGE.A}'`,
		record: {
			table_name: 'project_milestones',
			row_id: milestoneA,
			action: 'update',
			community_id: COMMUNITY.A,
			subdistrict_code: A,
			old_values: { actual_on: null },
			new_values: { actual_on: '2025-11-02' }
		}
	},
	{
		what: 'a planner removes a milestone',
		by: 'planner',
		sql: `delete from public.project_milestones where project_id = '${PROJECT.A}' and stage = '${MILESTONE_STAGE.A}'`,
		record: {
			table_name: 'project_milestones',
			row_id: milestoneA,
			action: 'delete',
			community_id: COMMUNITY.A,
			subdistrict_code: A,
			old_values: { project_id: PROJECT.A, stage: MILESTONE_STAGE.A, planned_on: '2025-10-31', actual_on: null, baseline_on: '2025-10-31', version: 1, updated_at: expect.any(String) },
			new_values: null
		}
	},
	{
		what: 'a planner adopts a target',
		by: 'planner',
		sql: `insert into public.renovation_targets (district_code, period_start, period_end, communities, buildings,
		        floor_area_wan_m2, households, version, source, adopted_on)
		      values ('370303', 2031, 2031, 5, 50, 3.5, 900, 1, 'plan', '2026-01-01')`,
		record: {
			table_name: 'renovation_targets',
			row_id: expect.stringMatching(/^\d+$/),
			action: 'insert',
			community_id: null,
			subdistrict_code: null,
			old_values: null,
			new_values: expect.objectContaining({ period_start: 2031, households: 900 })
		}
	},
	{
		what: 'a planner corrects a target',
		by: 'planner',
		sql: `update public.renovation_targets set households = 2 where period_start = ${SPARE.targetYear} and version = 1`,
		record: {
			table_name: 'renovation_targets',
			row_id: expect.stringMatching(/^\d+$/),
			action: 'update',
			community_id: null,
			subdistrict_code: null,
			old_values: { households: 1 },
			new_values: { households: 2 }
		}
	},
	{
		what: 'a planner removes a target',
		by: 'planner',
		sql: `delete from public.renovation_targets where period_start = ${SPARE.targetYear} and version = 1`,
		record: {
			table_name: 'renovation_targets',
			row_id: expect.stringMatching(/^\d+$/),
			action: 'delete',
			community_id: null,
			subdistrict_code: null,
			old_values: expect.objectContaining({ period_start: SPARE.targetYear, households: 1 }),
			new_values: null
		}
	},
	{
		what: 'an editor adds an item to its community’s plan',
		by: 'editorA',
		sql: `insert into public.plan_items (id, community_id, catalogue_code, quantity, budget_yuan, building_ids)
		      values ('${NEW_PLAN_ITEM}', '${COMMUNITY.A}', 'painting', 800, 64000, '{${BUILDING.A}}')`,
		record: {
			table_name: 'plan_items',
			row_id: NEW_PLAN_ITEM,
			action: 'insert',
			community_id: COMMUNITY.A,
			subdistrict_code: A,
			old_values: null,
			new_values: expect.objectContaining({ catalogue_code: 'painting', unit: 'm²', building_ids: [BUILDING.A], status: 'planned' })
		}
	},
	{
		what: 'an editor records an item’s progress',
		by: 'editorA',
		sql: `update public.plan_items set status = 'in_progress', percent_complete = 60 where id = '${PLAN_ITEM.A}'`,
		record: {
			table_name: 'plan_items',
			row_id: PLAN_ITEM.A,
			action: 'update',
			community_id: COMMUNITY.A,
			subdistrict_code: A,
			old_values: { status: 'planned', percent_complete: 0 },
			new_values: { status: 'in_progress', percent_complete: 60 }
		}
	},
	{
		what: 'a planner removes a plan item',
		by: 'planner',
		sql: `delete from public.plan_items where id = '${PLAN_ITEM.A}'`,
		record: {
			table_name: 'plan_items',
			row_id: PLAN_ITEM.A,
			action: 'delete',
			community_id: COMMUNITY.A,
			subdistrict_code: A,
			old_values: expect.objectContaining({ id: PLAN_ITEM.A, catalogue_code: 'roads' }),
			new_values: null
		}
	},
	{
		what: 'an editor adds a funding line',
		by: 'editorA',
		sql: `insert into public.funding_lines (id, community_id, source, amount_yuan, plan_item_ids)
		      values ('${NEW_FUNDING_LINE}', '${COMMUNITY.A}', 'central_subsidy', 120000, '{${PLAN_ITEM.A}}')`,
		record: {
			table_name: 'funding_lines',
			row_id: NEW_FUNDING_LINE,
			action: 'insert',
			community_id: COMMUNITY.A,
			subdistrict_code: A,
			old_values: null,
			new_values: expect.objectContaining({ source: 'central_subsidy', amount_yuan: 120000, plan_item_ids: [PLAN_ITEM.A] })
		}
	},
	{
		what: 'a planner corrects a funding line',
		by: 'planner',
		sql: `update public.funding_lines set amount_yuan = 90000 where id = '${FUNDING_LINE.A}'`,
		record: {
			table_name: 'funding_lines',
			row_id: FUNDING_LINE.A,
			action: 'update',
			community_id: COMMUNITY.A,
			subdistrict_code: A,
			old_values: { amount_yuan: 150000 },
			new_values: { amount_yuan: 90000 }
		}
	},
	{
		what: 'a planner removes a funding line',
		by: 'planner',
		sql: `delete from public.funding_lines where id = '${FUNDING_LINE.A}'`,
		record: {
			table_name: 'funding_lines',
			row_id: FUNDING_LINE.A,
			action: 'delete',
			community_id: COMMUNITY.A,
			subdistrict_code: A,
			old_values: expect.objectContaining({ id: FUNDING_LINE.A, source: 'district_budget' }),
			new_values: null
		}
	},
	{
		what: 'a planner adds a catalogue item',
		by: 'planner',
		sql: `insert into public.renovation_catalogue (code, ordinal, item_class, part, unit, name_zh, name_en)
		      values ('audited_item', 992, 'upgrade', 'outside_buildings', '处', '审计条目', 'Audited item')`,
		record: {
			table_name: 'renovation_catalogue',
			row_id: expect.any(String),
			action: 'insert',
			community_id: null,
			subdistrict_code: null,
			old_values: null,
			new_values: expect.objectContaining({ code: 'audited_item', item_class: 'upgrade' })
		}
	},
	{
		what: 'a planner renames a catalogue item',
		by: 'planner',
		sql: `update public.renovation_catalogue set name_en = 'Renamed item' where code = '${SPARE.catalogueItem}'`,
		record: {
			table_name: 'renovation_catalogue',
			row_id: expect.any(String),
			action: 'update',
			community_id: null,
			subdistrict_code: null,
			old_values: { name_en: 'Matrix item' },
			new_values: { name_en: 'Renamed item' }
		}
	},
	{
		what: 'a planner removes a catalogue item',
		by: 'planner',
		sql: `delete from public.renovation_catalogue where code = '${SPARE.catalogueItem}'`,
		record: {
			table_name: 'renovation_catalogue',
			row_id: expect.any(String),
			action: 'delete',
			community_id: null,
			subdistrict_code: null,
			old_values: expect.objectContaining({ code: SPARE.catalogueItem }),
			new_values: null
		}
	},
	{
		what: 'an admin adds a member of staff',
		by: 'admin',
		sql: `insert into public.staff (user_id, email, display_name, app_role, subdistricts)
		      values ('${NEW_MEMBER}', 'audited@example.org', '新编辑', 'editor', '{${A}}')`,
		record: {
			table_name: 'staff',
			row_id: NEW_MEMBER,
			action: 'insert',
			community_id: null,
			subdistrict_code: null,
			old_values: null,
			new_values: expect.objectContaining({ user_id: NEW_MEMBER, app_role: 'editor', subdistricts: [A] })
		}
	},
	{
		what: 'an admin gives an editor a second sub-district',
		by: 'admin',
		sql: `update public.staff set subdistricts = '{${A},${SUBDISTRICT.B}}' where user_id = '${USER.editorA}'`,
		record: {
			table_name: 'staff',
			row_id: USER.editorA,
			action: 'update',
			community_id: null,
			subdistrict_code: null,
			old_values: { subdistricts: [A] },
			new_values: { subdistricts: [A, SUBDISTRICT.B] }
		}
	},
	{
		what: 'an admin removes a member of staff',
		by: 'admin',
		sql: `delete from public.staff where user_id = '${USER.leader}'`,
		record: {
			table_name: 'staff',
			row_id: USER.leader,
			action: 'delete',
			community_id: null,
			subdistrict_code: null,
			old_values: expect.objectContaining({ user_id: USER.leader, app_role: 'leader' }),
			new_values: null
		}
	},
	...scheduleWrites(),
	...pipeWrites(),
	...facilityWrites(),
	...feedbackWrites()
];

/** Pipelines (issue 8): an editor lays and removes them in their own community, a planner corrects them. */
function pipeWrites(): WriteCase[] {
	const segment = '07000000-0000-4000-8000-0000000000ff';
	const node = '08000000-0000-4000-8000-0000000000ff';
	const addSegment = `insert into public.pipe_segments (id, community_id, pipeline_type, material, diameter_mm, depth_start_m, depth_end_m,
	                      owner, state, renewed_on, geom)
	                    values ('${segment}', '${COMMUNITY.A}', 'gas', 'PE', 110, 1.2, 1.5, '淄博燃气', 'renewed', '2021-09-30', ${pipeIn('A')})`;
	const addNode = `insert into public.pipe_nodes (id, community_id, pipeline_type, kind, depth_m, state, geom)
	                 values ('${node}', '${COMMUNITY.A}', 'gas', 'valve', 1.2, 'existing', ${manholeIn('A')})`;
	const where = { community_id: COMMUNITY.A, subdistrict_code: A };
	return [
		{
			what: 'an editor adds a pipe segment',
			by: 'editorA',
			sql: addSegment,
			record: {
				table_name: 'pipe_segments',
				row_id: segment,
				action: 'insert',
				...where,
				old_values: null,
				new_values: expect.objectContaining({ pipeline_type: 'gas', state: 'renewed', renewed_on: '2021-09-30', depth_start_m: 1.2 })
			}
		},
		{
			what: 'a planner corrects a pipe segment',
			by: 'planner',
			before: addSegment,
			sql: `update public.pipe_segments set state = 'to_renew', renewed_on = null where id = '${segment}'`,
			record: {
				table_name: 'pipe_segments',
				row_id: segment,
				action: 'update',
				...where,
				old_values: { state: 'renewed', renewed_on: '2021-09-30' },
				new_values: { state: 'to_renew', renewed_on: null }
			}
		},
		{
			what: 'an editor removes a pipe segment',
			by: 'editorA',
			before: addSegment,
			sql: `delete from public.pipe_segments where id = '${segment}'`,
			record: {
				table_name: 'pipe_segments',
				row_id: segment,
				action: 'delete',
				...where,
				old_values: expect.objectContaining({ id: segment, owner: '淄博燃气' }),
				new_values: null
			}
		},
		{
			what: 'an editor adds a valve',
			by: 'editorA',
			sql: addNode,
			record: {
				table_name: 'pipe_nodes',
				row_id: node,
				action: 'insert',
				...where,
				old_values: null,
				new_values: expect.objectContaining({ kind: 'valve', depth_m: 1.2 })
			}
		},
		{
			what: 'a planner corrects a valve',
			by: 'planner',
			before: addNode,
			sql: `update public.pipe_nodes set state = 'abandoned' where id = '${node}'`,
			record: {
				table_name: 'pipe_nodes',
				row_id: node,
				action: 'update',
				...where,
				old_values: { state: 'existing' },
				new_values: { state: 'abandoned' }
			}
		},
		{
			what: 'an editor removes a valve',
			by: 'editorA',
			before: addNode,
			sql: `delete from public.pipe_nodes where id = '${node}'`,
			record: {
				table_name: 'pipe_nodes',
				row_id: node,
				action: 'delete',
				...where,
				old_values: expect.objectContaining({ id: node, kind: 'valve' }),
				new_values: null
			}
		}
	];
}

/** Facilities and pipe clearances (issue 8): an editor plans and removes a facility, a planner corrects it and adjusts a clearance. */
function facilityWrites(): WriteCase[] {
	const facility = '05000000-0000-4000-8000-0000000000ff';
	const addFacility = `insert into public.facilities (id, community_id, kind, state, capacity, plan_item_id, geom)
	                     values ('${facility}', '${COMMUNITY.A}', 'express_locker', 'planned', 48, null, ${spotIn('A', 2)})`;
	const where = { community_id: COMMUNITY.A, subdistrict_code: A };
	const clearance = { table_name: 'pipe_clearances', row_id: expect.stringMatching(/^[0-9a-f-]{36}$/), community_id: null, subdistrict_code: null };
	const addClearance = `insert into public.pipeline_types (code, ordinal, name_zh, name_en) values ('reclaimed', 8, '再生水', 'Reclaimed water');
	                      insert into public.pipe_clearances (pipeline_type, min_clearance_m, source) values ('reclaimed', 1, 'GB 50289-2016 表4.1.9')`;
	return [
		{
			what: 'an editor plans a parcel locker',
			by: 'editorA',
			sql: addFacility,
			record: {
				table_name: 'facilities',
				row_id: facility,
				action: 'insert',
				...where,
				old_values: null,
				new_values: expect.objectContaining({ kind: 'express_locker', state: 'planned', capacity: 48 })
			}
		},
		{
			what: 'a planner records the locker built',
			by: 'planner',
			before: addFacility,
			sql: `update public.facilities set state = 'built', built_on = '2025-09-30' where id = '${facility}'`,
			record: {
				table_name: 'facilities',
				row_id: facility,
				action: 'update',
				...where,
				old_values: { state: 'planned', built_on: null },
				new_values: { state: 'built', built_on: '2025-09-30' }
			}
		},
		{
			what: 'an editor removes the locker',
			by: 'editorA',
			before: addFacility,
			sql: `delete from public.facilities where id = '${facility}'`,
			record: {
				table_name: 'facilities',
				row_id: facility,
				action: 'delete',
				...where,
				old_values: expect.objectContaining({ id: facility, kind: 'express_locker' }),
				new_values: null
			}
		},
		{
			what: 'a planner sets a clearance for a network added later',
			by: 'planner',
			before: `insert into public.pipeline_types (code, ordinal, name_zh, name_en) values ('reclaimed', 8, '再生水', 'Reclaimed water')`,
			sql: `insert into public.pipe_clearances (pipeline_type, min_clearance_m, source) values ('reclaimed', 1, 'GB 50289-2016 表4.1.9')`,
			record: {
				...clearance,
				action: 'insert',
				old_values: null,
				new_values: expect.objectContaining({ pipeline_type: 'reclaimed', min_clearance_m: 1 })
			}
		},
		{
			what: 'a planner widens the gas clearance',
			by: 'planner',
			sql: `update public.pipe_clearances set min_clearance_m = 1.5, source = '淄博燃气要求 1.5 m' where pipeline_type = 'gas'`,
			record: {
				...clearance,
				action: 'update',
				old_values: expect.objectContaining({ min_clearance_m: 1 }),
				new_values: { min_clearance_m: 1.5, source: '淄博燃气要求 1.5 m' }
			}
		},
		{
			what: 'a planner removes a clearance',
			by: 'planner',
			before: addClearance,
			sql: `delete from public.pipe_clearances where pipeline_type = 'reclaimed'`,
			record: {
				...clearance,
				action: 'delete',
				old_values: expect.objectContaining({ pipeline_type: 'reclaimed', min_clearance_m: 1 }),
				new_values: null
			}
		}
	];
}

/** Residents' feedback (20261203090000): only moderation goes on the record. */
function feedbackWrites(): WriteCase[] {
	const feedback = '06000000-0000-4000-8000-0000000000ff';
	return [
		{
			what: 'an editor publishes a resident’s suggestion',
			by: 'editorA',
			before: `insert into public.feedback (id, community_id, kind, comment) values ('${feedback}', '${COMMUNITY.A}', 'suggestion', '加装电梯')`,
			sql: `update public.feedback set status = 'approved' where id = '${feedback}'`,
			record: {
				table_name: 'feedback',
				row_id: feedback,
				action: 'update',
				community_id: COMMUNITY.A,
				subdistrict_code: A,
				old_values: { status: 'pending', moderated_by: null, moderated_at: null },
				new_values: { status: 'approved', moderated_by: USER.editorA, moderated_at: expect.any(String) }
			}
		}
	];
}
