import { z } from 'zod';

export type Bbox = [west: number, south: number, east: number, north: number];

const lng = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);

/** `?bbox=w,s,e,n` in degrees: four finite numbers, west of east and south of north. */
export const bboxSchema = z
	.string()
	.transform((raw) => raw.split(',').map((part) => (part.trim() === '' ? NaN : Number(part))))
	.pipe(z.tuple([lng, lat, lng, lat]))
	.refine(([w, s, e, n]) => w < e && s < n, 'edit.error.invalid');
