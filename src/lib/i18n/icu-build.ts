import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parse } from '@formatjs/icu-messageformat-parser';
import type { Plugin } from 'vite';
import { ICU_OPTIONS, needsParser, type CompiledMessages } from './icu.ts';

/**
 * Why: svelte-i18n parses an ICU message (intl-messageformat → @formatjs/icu-messageformat-parser)
 * the first time it is formatted with values. The parser is some 7 KiB gzip of the public
 * map's first load, only to read our own fixed strings, so they are parsed here at build
 * time instead: `import compiled from './zh-CN.json?icu'` gives that dictionary's ASTs (they
 * travel in the same chunk or layout data as the dictionary), icu-runtime.ts hands them to
 * intl-messageformat, and the browser build gets formatjs' parser-less entry. The server
 * keeps the real parser.
 */

const QUERY = '?icu';
const VIRTUAL = '\0icu:';
const PARSER = '@formatjs/icu-messageformat-parser';

function strings(tree: unknown): string[] {
	if (typeof tree === 'string') return [tree];
	return tree && typeof tree === 'object' ? Object.values(tree).flatMap(strings) : [];
}

/** The ASTs of a dictionary's messages that are more than literal text, as intl-messageformat would parse them for `locale`. */
export function compileMessages(dictionary: object, locale: string): CompiledMessages {
	const compiled: CompiledMessages = {};
	for (const message of strings(dictionary)) {
		if (needsParser(message)) compiled[message] = parse(message, { ...ICU_OPTIONS, locale: new Intl.Locale(locale) });
	}
	return compiled;
}

export function icuMessages(): Plugin {
	return {
		name: 'atlas:icu-messages',
		enforce: 'pre',
		resolveId: {
			// Only these ids reach the handler (rolldown filters them natively, not per import in JS).
			filter: { id: [/^@formatjs\/icu-messageformat-parser$/, /\?icu$/] },
			async handler(source, importer, options) {
				// Only in the browser build: the dev server pre-bundles the package with its parser
				// (harmless there: the ASTs are used all the same).
				if (source === PARSER && this.environment?.name === 'client' && this.environment.config.command === 'build') {
					// The package has no `exports`: bundlers take `module`, lib/index.js, whose
					// sibling lib/no-parser.js is formatjs' own entry for precompiled messages.
					const real = await this.resolve(source, importer, { ...options, skipSelf: true });
					if (!real) return null;
					const noParser = real.id.replace(/([\\/])index\.js$/, '$1no-parser.js');
					if (noParser === real.id) this.error(`${PARSER} resolved to ${real.id}, not an index.js with a no-parser.js beside it`);
					return noParser;
				}
				if (!source.endsWith(QUERY)) return null;
				const json = await this.resolve(source.slice(0, -QUERY.length), importer, { skipSelf: true });
				// A .js id: Vite's JSON plugin takes every id ending in .json.
				return json && `${VIRTUAL}${json.id}.js`;
			}
		},
		load: {
			filter: { id: /^\0icu:/ },
			async handler(id) {
				const file = id.slice(VIRTUAL.length, -'.js'.length);
				this.addWatchFile(file);
				const compiled = compileMessages(JSON.parse(await readFile(file, 'utf8')), basename(file, '.json'));
				return `export default JSON.parse(${JSON.stringify(JSON.stringify(compiled))});`;
			}
		}
	};
}
