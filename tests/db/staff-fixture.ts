import type { Caller } from '../../src/lib/server/db/roles';
import type { Database } from '../../src/lib/server/db/types';

/** Demo communities by code: one in each of two sub-districts. */
export const IN_A = { code: 'ZD-2020-01', subdistrict: '370303006' };
export const IN_B = { code: 'ZD-2020-02', subdistrict: '370303008' };

interface Member {
	userId: string;
	email: string;
	name: string;
	role: 'editor' | 'planner' | 'leader' | 'admin';
	subdistricts: string[];
}

const MEMBERS = {
	editorA: { userId: '00000000-0000-4000-8000-00000000000a', email: 'zhang@example.cn', name: '张敏', role: 'editor', subdistricts: [IN_A.subdistrict] },
	editorB: { userId: '00000000-0000-4000-8000-00000000000b', email: 'li@example.cn', name: '李强', role: 'editor', subdistricts: [IN_B.subdistrict] },
	planner: { userId: '00000000-0000-4000-8000-00000000000c', email: 'wang@example.cn', name: '王规划', role: 'planner', subdistricts: [] },
	leader: { userId: '00000000-0000-4000-8000-00000000000d', email: 'zhao@example.cn', name: '赵领导', role: 'leader', subdistricts: [] }
} satisfies Record<string, Member>;

function callerOf(m: Member): Caller {
	return { role: 'authenticated', userId: m.userId, appRole: m.role, subdistricts: m.subdistricts };
}

/** The callers the tests act as, each a member of staff (so the record names them) but two. */
export const callers = {
	anon: { role: 'anon' } as Caller,
	editorA: callerOf(MEMBERS.editorA),
	editorB: callerOf(MEMBERS.editorB),
	planner: callerOf(MEMBERS.planner),
	leader: callerOf(MEMBERS.leader),
	/** Signed in, but given no role: reads published data only. */
	noRole: { role: 'authenticated', userId: '00000000-0000-4000-8000-00000000000e', appRole: null, subdistricts: [] } as Caller
};

export const names = { editorA: MEMBERS.editorA.name, planner: MEMBERS.planner.name };

/** Adds the staff rows as the owner would (an admin's job in the app). */
export async function addStaff(db: Database): Promise<void> {
	for (const m of Object.values(MEMBERS)) {
		await db.query(
			`insert into public.staff (user_id, email, display_name, app_role, subdistricts) values ($1, $2, $3, $4, $5::text[])`,
			[m.userId, m.email, m.name, m.role, `{${m.subdistricts.join(',')}}`]
		);
	}
}

export async function communityId(db: Database, code: string): Promise<string> {
	const [row] = await db.query<{ id: string }>(`select id from public.communities where code = $1`, [code]);
	return row.id;
}

/** Record entries so far: a write that was refused must leave their number unchanged. */
export async function auditCount(db: Database): Promise<number> {
	const [row] = await db.query<{ n: number }>(`select count(*)::int as n from public.audit_log`);
	return row.n;
}
