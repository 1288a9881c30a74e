import { describe, expect, it } from 'vitest';
import { answer } from '../writes/http';

describe('a refused shape as the API answers it', () => {
	it('is a 422 listing every reason, in Chinese or in English', async () => {
		const refused = { ok: false as const, refusal: { kind: 'geometry' as const, problems: ['outside_district' as const, 'outside_community' as const] } };
		const zh = answer(refused, 'zh-CN');
		expect(zh.status).toBe(422);
		expect(await zh.json()).toEqual({
			error: 'geometry',
			problems: ['outside_district', 'outside_community'],
			message: '图形未保存：超出张店区范围；楼栋超出所属小区边界。'
		});
		expect((await answer(refused, 'en').json()).message).toBe(
			"The shape was not saved: outside Zhangdian District; outside the building's community."
		);
	});
});
