import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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

describe('editing messages', () => {
	it('have the same keys in Chinese and English', () => {
		expect(keys(en).sort()).toEqual(keys(zhCN).sort());
	});

	it('have every key the code names literally', () => {
		const known = new Set(keys(zhCN));
		// Literal keys only; composed ones ('edit.refused.' + reason) are covered by the unions they come from.
		const named = sources('src').flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/'((?:edit|history)\.[a-zA-Z_.]+[a-zA-Z_])'/g)].map((m) => m[1]));
		expect(named.length).toBeGreaterThan(30);
		expect(named.filter((key) => !known.has(key))).toEqual([]);
	});

	it('word every refusal the server gives', () => {
		for (const reason of ['sign_in', 'read_only_role', 'outside_subdistricts', 'bureau_only', 'invalid', 'not_found', 'conflict']) {
			expect(keys(zhCN)).toContain(`edit.refused.${reason}`);
		}
	});
});
