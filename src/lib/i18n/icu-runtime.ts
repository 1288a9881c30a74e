import { IntlMessageFormat } from 'intl-messageformat';
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { addMessages } from 'svelte-i18n';
import { browser } from '$app/environment';
import { needsParser, type CompiledMessages } from './icu';

// Every message the browser has the ASTs of, from the dictionaries added so far.
const compiled = new Map<string, MessageFormatElement[]>();

/** What IntlMessageFormat gets in place of the parser, which the browser build leaves out (icu-build.ts). */
export function precompiledParse(message: string): MessageFormatElement[] {
	const ast = compiled.get(message);
	if (ast) return ast;
	if (!needsParser(message)) return message === '' ? [] : [{ type: TYPE.literal, value: message }];
	throw new Error(`i18n: ${JSON.stringify(message)} was not compiled at build time; add its dictionary with addDictionary() and its ?icu import`);
}

if (browser) IntlMessageFormat.__parse = precompiledParse;

/** Adds a dictionary's messages to svelte-i18n, and their ASTs (`import … from './x.json?icu'`) so no parser is needed. */
export function addDictionary(lang: string, messages: object, asts: CompiledMessages): void {
	for (const [message, ast] of Object.entries(asts)) compiled.set(message, ast);
	addMessages(lang, messages as Parameters<typeof addMessages>[1]);
}
