import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, SCRYPT_PARAMS, verifyPassword } from './password';

const PHC = /^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/;

async function medianMs(work: () => Promise<unknown>, runs = 3): Promise<number> {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await work();
		times.push(performance.now() - start);
	}
	return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

describe('password hashes', () => {
	it('are scrypt PHC strings with N = 2^17, r = 8, p = 1 and a fresh salt each time', async () => {
		const [a, b] = [await hashPassword('correct horse battery'), await hashPassword('correct horse battery')];
		expect(a).toMatch(PHC);
		expect(b).toMatch(PHC);
		expect(a).not.toBe(b);
		expect(SCRYPT_PARAMS).toEqual({ ln: 17, r: 8, p: 1 });
	});

	it('verify the right password and refuse a wrong one, with the parameters of the stored hash', async () => {
		const stored = await hashPassword('correct horse battery');
		expect(await verifyPassword('correct horse battery', stored)).toBe(true);
		expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
		// An older, cheaper hash still verifies: its parameters come from the string.
		const cheap = await hashPassword('an older one', { ln: 10, r: 8, p: 1 });
		expect(cheap).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$/);
		expect(await verifyPassword('an older one', cheap)).toBe(true);
		expect(await verifyPassword('an older two', cheap)).toBe(false);
	});

	it('treat Unicode the same however it was composed', async () => {
		const stored = await hashPassword('张店\u00e9');
		expect(await verifyPassword('张店e\u0301', stored)).toBe(true);
	});

	it('refuse damaged or outrageous stored hashes instead of trusting them', async () => {
		const stored = await hashPassword('correct horse battery', { ln: 10, r: 8, p: 1 });
		expect(await verifyPassword('correct horse battery', stored.replace('ln=10', 'ln=30'))).toBe(false);
		expect(await verifyPassword('correct horse battery', stored.slice(0, -10))).toBe(false);
		expect(await verifyPassword('correct horse battery', '$scrypt$')).toBe(false);
		expect(await verifyPassword('', '')).toBe(false);
	});

	it('take as long to refuse an unknown account as a wrong password', async () => {
		const stored = await hashPassword('correct horse battery');
		const known = await medianMs(() => verifyPassword('wrong', stored));
		const unknown = await medianMs(() => verifyPassword('wrong', undefined));
		expect(await verifyPassword('wrong', undefined)).toBe(false);
		// Skipping the work would answer in well under a millisecond; scrypt takes ~100 ms.
		expect(unknown).toBeGreaterThan(known / 3);
		expect(unknown).toBeLessThan(known * 3);
	});
});

describe('generated passwords', () => {
	it('are four groups of four unambiguous characters, different every time', () => {
		const made = Array.from({ length: 50 }, generatePassword);
		for (const p of made) expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{4}(-[a-km-zA-HJ-NP-Z2-9]{4}){3}$/);
		expect(new Set(made).size).toBe(50);
	});
});
