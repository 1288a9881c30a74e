import { describe, expect, it } from 'vitest';
import { feedbackAnswer } from './http';

describe('the feedback API’s answers', () => {
	it('answers the rate limit with 429, Retry-After and a clear message in the language asked for', async () => {
		const refused = { ok: false as const, refusal: { kind: 'rate_limited' as const, retryAfterS: 125 } };
		const zh = feedbackAnswer(refused, 'zh-CN');
		expect(zh.status).toBe(429);
		expect(zh.headers.get('retry-after')).toBe('125');
		expect(await zh.json()).toEqual({ error: 'rate_limited', message: '提交太频繁了，请 3 分钟后再试。', retryAfter: 125 });
		const en = feedbackAnswer({ ok: false, refusal: { kind: 'rate_limited', retryAfterS: 30 } }, 'en');
		expect((await en.json()).message).toBe('Too many submissions: please try again in 1 minute.');
	});

	it('answers bad input with 400 and field messages, the stage rule with 422, and a submission with 201 pending', async () => {
		const bad = feedbackAnswer({ ok: false, refusal: { kind: 'invalid', fields: { comment: { key: 'feedback.error.tooLong', values: { max: 500 } } } } }, 'en');
		expect(bad.status).toBe(400);
		expect(await bad.json()).toEqual({ error: 'invalid', message: 'At most 500 characters.', fields: { comment: { key: 'feedback.error.tooLong', values: { max: 500 } } } });
		const rule = feedbackAnswer({ ok: false, refusal: { kind: 'invalid', rule: true, fields: { kind: { key: 'feedback.error.ratingsNotOpen' } } } }, 'zh-CN');
		expect(rule.status).toBe(422);
		expect((await rule.json()).message).toBe('本小区尚未完工验收，现在请提出建议。');
		const sent = feedbackAnswer({ ok: true, value: { id: 'x' } }, 'zh-CN');
		expect(sent.status).toBe(201);
		expect(await sent.json()).toEqual({ id: 'x', status: 'pending', message: '已收到，待审核后公开。' });
	});
});
