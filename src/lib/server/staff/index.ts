import type { StaffMember, SubdistrictName } from '../../domain/staff';
import { DISTRICT_CODE } from '../atlas';
import { getAuthProvider } from '../auth';
import { getDatabase, type Caller } from '../db';
import { listStaff, listSubdistricts } from './read';
import type { StaffDeps } from './write';

export { StaffError } from './errors';
export { listStaff, listSubdistricts } from './read';
export { changeMember, createMember, resetPassword, setDisabled, type StaffDeps, type WithPassword } from './write';

/** The app's database and sign-in provider, which the staff functions work through. */
export async function staffDeps(): Promise<StaffDeps> {
	return { database: await getDatabase(), provider: await getAuthProvider() };
}

/** The admin's page: every member of staff and the district's sub-districts to assign. */
export async function staffOverview(caller: Caller): Promise<{ members: StaffMember[]; subdistricts: SubdistrictName[] }> {
	const db = await getDatabase();
	const [members, subdistricts] = [await listStaff(db, caller), await listSubdistricts(db, caller, DISTRICT_CODE)];
	return { members, subdistricts };
}
