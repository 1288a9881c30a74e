import { replanSchema, type ReplanInput } from '$lib/domain/schedule';
import type { Caller, Database } from '../db';
import { refuse } from '../writes/outcome';
import { readEditable, saveVersioned, type VersionedResource } from '../writes/versioned';

interface Row {
	id: string;
	version: number;
	seen: number | string | bigint;
	community_id: string;
	subdistrict_code: string;
	stage: ReplanInput['stage'];
	planned_on: string | null;
}

/**
 * Re-planning a milestone of a community's project: a new planned date with a reason, kept
 * by the database beside the unchanged baseline (public.milestone_replans). Guarded by the
 * project's version, as the progress form is, so the two never overwrite each other
 * silently. The form starts from the first milestone that has not happened.
 */
export const milestoneReplan: VersionedResource<ReplanInput> = {
	schema: replanSchema,
	table: 'renovation_projects',
	audit: [{ table: 'renovation_projects' }, { table: 'project_milestones', children: true }],
	async read(tx, communityId, seenSql) {
		const [row] = await tx.query<Row>(
			`select p.id, p.version, p.community_id, c.subdistrict_code, ${seenSql('p.id', 'p.community_id')} as seen,
			        m.stage, m.planned_on::text as planned_on
			 from public.renovation_projects p
			 join public.communities c on c.id = p.community_id
			 left join lateral (
			   select m.stage, m.planned_on from public.project_milestones m join public.project_stages s on s.code = m.stage
			   where m.project_id = p.id and m.actual_on is null and m.planned_on is not null order by s.ordinal limit 1
			 ) m on true
			 where p.community_id = $1`,
			[communityId]
		);
		if (!row) return undefined;
		return {
			rowId: row.id,
			communityId: row.community_id,
			subdistrictCode: row.subdistrict_code,
			version: row.version,
			seen: Number(row.seen),
			values: { stage: row.stage ?? 'preparation', plannedOn: row.planned_on ?? '', reason: '' }
		};
	},
	async write(tx, current, version, values) {
		// The project first: its row lock and version check guard the milestone that follows.
		const [row] = await tx.query<{ version: number }>(
			`update public.renovation_projects set stage = stage where id = $1 and version = $2 returning version`,
			[current.rowId, version]
		);
		if (!row) return undefined;
		const [milestone] = await tx.query<{ planned_on: string | null }>(
			`select planned_on::text as planned_on from public.project_milestones where project_id = $1 and stage = $2`,
			[current.rowId, values.stage]
		);
		if (!milestone?.planned_on) return refuse({ kind: 'invalid', fields: { stage: { key: 'edit.error.noMilestone' } } });
		if (milestone.planned_on === values.plannedOn) return refuse({ kind: 'invalid', fields: { plannedOn: { key: 'edit.error.samePlannedDate' } } });
		// The database's re-plan trigger takes the reason from the transaction.
		await tx.query(`select set_config('atlas.replan_reason', $1, true)`, [values.reason]);
		await tx.query(`update public.project_milestones set planned_on = $3 where project_id = $1 and stage = $2`, [
			current.rowId,
			values.stage,
			values.plannedOn
		]);
		return row.version;
	}
};

export function readMilestoneReplan(caller: Caller, communityId: string, db?: Database) {
	return readEditable(caller, milestoneReplan, communityId, db);
}

/** Re-plans ({ version, seen, values: { stage, plannedOn, reason } }) as `caller`: 200, 400, 403, 404 or 409. */
export function saveMilestoneReplan(caller: Caller, communityId: string, body: unknown, db?: Database) {
	return saveVersioned(caller, milestoneReplan, communityId, body, db);
}
