import { IntlMessageFormat } from 'intl-messageformat';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ICU_OPTIONS, needsParser, type CompiledMessages } from './icu';
import { addDictionary, precompiledParse } from './icu-runtime';

// Every dictionary, and what the build plugin (icu-build.ts) compiles it to.
const DICTIONARIES = import.meta.glob<object>('./**/{zh-CN,en}.json', { import: 'default', eager: true });
const COMPILED = import.meta.glob<CompiledMessages>('./**/{zh-CN,en}.json', { query: '?icu', import: 'default', eager: true });

function strings(tree: unknown): string[] {
	if (typeof tree === 'string') return [tree];
	return tree && typeof tree === 'object' ? Object.values(tree).flatMap(strings) : [];
}

const files = Object.keys(DICTIONARIES).sort();
const localeOf = (file: string) => (file.endsWith('zh-CN.json') ? 'zh-CN' : 'en');
const icuMessages = files.flatMap((file) =>
	strings(DICTIONARIES[file])
		.filter(needsParser)
		.map((message) => ({ file, locale: localeOf(file), message }))
);

/** Sample values for every argument of a message: each option of a select, several numbers for a plural or number. */
function samples(ast: MessageFormatElement[]): Record<string, unknown>[] {
	const choices = new Map<string, unknown[]>();
	const walk = (elements: MessageFormatElement[]) => {
		for (const el of elements) {
			if (el.type === TYPE.argument) choices.set(el.value, choices.get(el.value) ?? ['abc', 7]);
			if (el.type === TYPE.number || el.type === TYPE.plural) choices.set(el.value, [0, 1, 2, 1234.5]);
			if (el.type === TYPE.date || el.type === TYPE.time) choices.set(el.value, [new Date(Date.UTC(2026, 10, 24, 9, 30))]);
			if (el.type === TYPE.select) choices.set(el.value, [...Object.keys(el.options), 'unlisted']);
			if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) walk(option.value);
			if (el.type === TYPE.tag) walk(el.children);
		}
	};
	walk(ast);
	const rounds = Math.max(1, ...[...choices.values()].map((c) => c.length));
	return Array.from({ length: rounds }, (_, i) => Object.fromEntries([...choices].map(([name, c]) => [name, c[i % c.length]])));
}

describe('precompiled ICU messages', () => {
	it('cover some messages with values in each language (the test is not empty)', () => {
		expect(icuMessages.filter((m) => m.locale === 'en').length).toBeGreaterThan(10);
		expect(icuMessages.filter((m) => m.locale === 'zh-CN').length).toBeGreaterThan(10);
	});

	it('exist for every message with ICU syntax, in the module of its own dictionary', () => {
		const missing = icuMessages.filter(({ file, message }) => !COMPILED[file]?.[message]);
		expect(missing).toEqual([]);
	});

	it('are not needed for the rest: the real parser reads them as their own text', () => {
		for (const file of files) {
			for (const message of strings(DICTIONARIES[file]).filter((m) => !needsParser(m))) {
				expect(parse(message, ICU_OPTIONS)).toEqual(precompiledParse(message));
			}
		}
	});

	describe('format as the real parser would', () => {
		const realParse = IntlMessageFormat.__parse;
		beforeAll(() => {
			for (const file of files) addDictionary(localeOf(file), DICTIONARIES[file], COMPILED[file]);
			IntlMessageFormat.__parse = precompiledParse;
		});
		afterAll(() => {
			IntlMessageFormat.__parse = realParse;
		});

		it.each(icuMessages)('$file: $message', ({ message }) => {
			const real = realParse!(message, ICU_OPTIONS);
			for (const locale of ['zh-CN', 'en']) {
				for (const values of samples(real)) {
					const expected = new IntlMessageFormat(real, locale, undefined, ICU_OPTIONS).format(values);
					expect(new IntlMessageFormat(message, locale, undefined, ICU_OPTIONS).format(values)).toEqual(expected);
				}
			}
		});
	});

	it('refuse, clearly, a message with ICU syntax that was not compiled', () => {
		expect(() => precompiledParse('{n, plural, one {# thing} other {# things}} nobody compiled')).toThrow(/not compiled at build time/);
	});
});
