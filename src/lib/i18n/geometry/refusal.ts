import type { GeometryProblem } from '$lib/domain/geometry';

/**
 * "The shape was not saved: <every reason>." in the language `t` speaks; one sentence for
 * the server's 422 answer and the drawing tools alike.
 */
export function geometryRefusalMessage(problems: readonly GeometryProblem[], t: (key: string, values?: Record<string, string>) => string): string {
	const reasons = problems.map((p) => t(`geometry.problem.${p}`)).join(t('geometry.tools.separator'));
	return t('geometry.refused', { reasons });
}
