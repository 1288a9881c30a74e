import { describe, expect, it } from 'vitest';
import { answer } from './http';

describe('answer: refusals as HTTP', () => {
	it('answers a refused field 400, and a rule of the programme the database enforces 422, both with the field', async () => {
		const fields = { replanReason: { key: 'edit.error.replanReasonRequired' } };
		const plain = answer({ ok: false, refusal: { kind: 'invalid', fields } }, 'zh-CN');
		const rule = answer({ ok: false, refusal: { kind: 'invalid', rule: true, fields } }, 'zh-CN');
		expect([plain.status, rule.status]).toEqual([400, 422]);
		expect(await rule.json()).toMatchObject({ error: 'invalid', fields });
	});
});
