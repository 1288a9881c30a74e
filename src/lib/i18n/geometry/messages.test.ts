import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GEOMETRY_PROBLEMS } from '$lib/domain/geometry';
import en from './en.json';
import zhCN from './zh-CN.json';

function keys(tree: object, prefix = ''): string[] {
	return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sources(path);
		return /\.(ts|svelte)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
	});
}

describe('geometry messages', () => {
	it('have the same keys in Chinese and English', () => {
		expect(keys(en).sort()).toEqual(keys(zhCN).sort());
	});

	it('name every reason the database gives', () => {
		expect(Object.keys(zhCN.geometry.problem).sort()).toEqual([...GEOMETRY_PROBLEMS].sort());
	});

	it('have every key the code names literally', () => {
		const known = new Set(keys(zhCN));
		const named = sources('src').flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/'(geometry\.[a-zA-Z_.]+[a-zA-Z_])'/g)].map((m) => m[1]));
		expect(named.length).toBeGreaterThan(3);
		expect(named.filter((key) => !known.has(key))).toEqual([]);
	});
});
