/** The app roles of DOMAIN.md §7, as public.staff and the policies name them. */
export const APP_ROLES = ['editor', 'planner', 'leader', 'admin'] as const;
export type AppRole = (typeof APP_ROLES)[number];

export function isAppRole(value: unknown): value is AppRole {
	return typeof value === 'string' && (APP_ROLES as readonly string[]).includes(value);
}
