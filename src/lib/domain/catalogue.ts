import { z } from 'zod';
import { CATALOGUE_PARTS, ITEM_CLASSES } from './enums.gen';
import { choice, flag } from './input';
import type { Actor } from './permissions';
import type { CatalogueItem } from './plan';

/**
 * The renovation catalogue as planners keep it (public.renovation_catalogue): the same
 * schema checks the form in the browser and the request on the server.
 */

/** A catalogue item on the planners' page: with its version, record entry and how many plan items use it. */
export interface KeptCatalogueItem extends CatalogueItem {
	id: string;
	version: number;
	/** The newest record entry of the item, for the version check. */
	seen: number;
	/** Plan items that name it: while any do, it can only be retired, not removed. */
	uses: number;
}

const text = (max: number) =>
	z.string({ error: 'edit.error.required' }).trim().min(1, { error: 'edit.error.required' }).max(max, { error: 'edit.error.max' });

/** What an edit changes: everything but the code, which plans refer to. */
export const catalogueItemSchema = z.object(
	{
		itemClass: choice(ITEM_CLASSES),
		part: choice(CATALOGUE_PARTS),
		unit: text(10),
		isServiceRoom: flag(),
		nameZh: text(60),
		nameEn: text(120),
		retired: flag()
	},
	{ error: 'edit.error.invalid' }
);
export type CatalogueItemValues = z.infer<typeof catalogueItemSchema>;

/** A new item also names its code: lower-case letters, digits and underscores, as the table's check says. */
export const newCatalogueItemSchema = catalogueItemSchema.extend({
	code: z
		.string({ error: 'edit.error.required' })
		.trim()
		.min(1, { error: 'edit.error.required' })
		.max(40, { error: 'edit.error.max' })
		.regex(/^[a-z][a-z0-9_]*$/, { error: 'edit.error.format' })
});
export type NewCatalogueItemValues = z.infer<typeof newCatalogueItemSchema>;

/** Planners and admins keep the catalogue, as the table's policies say; everyone else reads it. */
export function keepsCatalogue(actor: Actor | null): boolean {
	return actor?.appRole === 'planner' || actor?.appRole === 'admin';
}

/** The items a new plan item may pick: those not retired, and the one it has already. */
export function offered<T extends Pick<CatalogueItem, 'code' | 'retired'>>(catalogue: readonly T[], current: string | null = null): T[] {
	return catalogue.filter((k) => !k.retired || k.code === current);
}

/** The values an edit form starts from. */
export function valuesOf(item: CatalogueItem): CatalogueItemValues {
	const { itemClass, part, unit, isServiceRoom, nameZh, nameEn, retired } = item;
	return { itemClass, part, unit, isServiceRoom, nameZh, nameEn, retired };
}
