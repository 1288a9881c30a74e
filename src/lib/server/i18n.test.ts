import { describe, expect, it } from 'vitest';
import { DICTIONARIES, translate } from './i18n';

describe('messages the server writes itself', () => {
	it('come in the language asked for, whichever was used last', () => {
		expect(translate('en', 'error.unavailable')).toMatch(/cannot be reached/);
		expect(translate('zh-CN', 'error.unavailable')).toMatch(/数据库暂时无法连接/);
		expect(translate('en', 'error.internal')).toMatch(/went wrong on the server/);
	});

	it('send the browser only what it does not bundle', () => {
		expect(Object.keys(DICTIONARIES)).toEqual(['en']);
	});
});
