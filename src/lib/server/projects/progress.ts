import { projectProgressSchema, type ProjectProgress } from '$lib/domain/project-progress';
import { STAGES, type Stage } from '$lib/domain/stages';
import type { Caller, Database } from '../db';
import { readEditable, saveVersioned, type VersionedResource } from '../writes/versioned';

type Dates = ProjectProgress['milestones'][Stage];

interface Row {
	id: string;
	version: number;
	seen: number | string | bigint;
	community_id: string;
	subdistrict_code: string;
	stage: Stage;
	status_as_of: string;
	milestones: Partial<Record<Stage, Dates>> | null;
}

/**
 * The progress of a community's project (one per community): its stage, the date that was
 * reported, and its milestones' dates, saved together under the project row's version, so
 * a change of milestone dates alone is guarded too. Milestones are never removed here
 * (editors may not remove them): a stage whose dates are cleared keeps its row, with none.
 * A planned date moved needs `replanReason`, kept with each re-plan; it is not a column, so
 * a loaded form has none.
 */
export const projectProgress: VersionedResource<ProjectProgress> = {
	schema: projectProgressSchema,
	table: 'renovation_projects',
	audit: [{ table: 'renovation_projects' }, { table: 'project_milestones', children: true }],
	// Found by the community's id: the panel knows communities, and a project has one.
	async read(tx, communityId, seenSql) {
		const [row] = await tx.query<Row>(
			`select p.id, p.version, p.community_id, c.subdistrict_code, ${seenSql('p.id', 'p.community_id')} as seen,
			        p.stage, p.status_as_of::text as status_as_of,
			        (select json_object_agg(m.stage, json_build_object('plannedOn', m.planned_on, 'actualOn', m.actual_on))
			           from public.project_milestones m where m.project_id = p.id) as milestones
			 from public.renovation_projects p join public.communities c on c.id = p.community_id
			 where p.community_id = $1`,
			[communityId]
		);
		if (!row) return undefined;
		const milestones = Object.fromEntries(STAGES.map((s) => [s, row.milestones?.[s] ?? { plannedOn: null, actualOn: null }])) as Record<Stage, Dates>;
		return {
			rowId: row.id,
			communityId: row.community_id,
			subdistrictCode: row.subdistrict_code,
			version: row.version,
			seen: Number(row.seen),
			values: { stage: row.stage, statusAsOf: row.status_as_of, milestones, replanReason: null }
		};
	},
	async write(tx, current, version, values) {
		// The project first: its row lock and version check guard the milestones that follow.
		const [row] = await tx.query<{ version: number }>(
			`update public.renovation_projects set stage = $3, status_as_of = $4
			 where id = $1 and version = $2 returning version`,
			[current.rowId, version, values.stage, values.statusAsOf]
		);
		if (!row) return undefined;
		const milestones = STAGES.map((stage) => ({ stage, planned_on: values.milestones[stage].plannedOn, actual_on: values.milestones[stage].actualOn }));
		// The reason every planned date moved here is recorded with (private.record_replan);
		// without one the database refuses such a move (422 on replanReason).
		await tx.query(`select set_config('atlas.replan_reason', $1, true)`, [values.replanReason ?? '']);
		// Only rows whose dates differ are written, so the record holds real changes only.
		await tx.query(
			`insert into public.project_milestones as m (project_id, stage, planned_on, actual_on)
			 select $1::uuid, i.stage, i.planned_on, i.actual_on
			 from jsonb_to_recordset($2::jsonb) as i (stage text, planned_on date, actual_on date)
			 where i.planned_on is not null or i.actual_on is not null
			    or exists (select 1 from public.project_milestones e where e.project_id = $1::uuid and e.stage = i.stage)
			 on conflict (project_id, stage) do update
			   set planned_on = excluded.planned_on, actual_on = excluded.actual_on
			   where (m.planned_on, m.actual_on) is distinct from (excluded.planned_on, excluded.actual_on)`,
			[current.rowId, JSON.stringify(milestones)]
		);
		return row.version;
	}
};

/** The progress form of community `communityId`'s project; 404 when it has none the caller sees. */
export function readProjectProgress(caller: Caller, communityId: string, db?: Database) {
	return readEditable(caller, projectProgress, communityId, db);
}

/** Saves the progress form ({ version, seen, values }) of community `communityId`'s project as `caller`. */
export function saveProjectProgress(caller: Caller, communityId: string, body: unknown, db?: Database) {
	return saveVersioned(caller, projectProgress, communityId, body, db);
}
