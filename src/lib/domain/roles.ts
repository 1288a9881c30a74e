import { APP_ROLES, type AppRole } from './enums.gen';

/** The app roles of DOMAIN.md §7 come from public.staff's check constraint (npm run db:types). */
export { APP_ROLES, type AppRole } from './enums.gen';

export function isAppRole(value: unknown): value is AppRole {
	return typeof value === 'string' && (APP_ROLES as readonly string[]).includes(value);
}
