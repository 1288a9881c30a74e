import type { FieldErrors } from '$lib/domain/input';
import type { Queryable } from '../db';
import { fromGeoJson } from '../geometry/sql';
import { refuse } from '../writes/outcome';

/**
 * Refuses a drawn shape PostGIS does not take for valid (an area whose outline crosses
 * itself), as a 400 on the field that holds it: the SQL functions would raise a bare 22023,
 * which says nothing the planner could correct.
 */
export async function requireValidShape(tx: Queryable, geoJson: string): Promise<void> {
	const [row] = await tx.query<{ valid: boolean }>(`select extensions.st_isvalid(${fromGeoJson('$1')}) as valid`, [geoJson]);
	if (!row?.valid) refuse({ kind: 'invalid', fields: { geometry: { key: 'pipeTools.error.invalidShape' } } satisfies FieldErrors });
}
