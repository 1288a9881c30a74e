import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/**
 * What the ICU parser is told, here and in init(): the ASTs made at build time
 * (icu-build.ts) must be those svelte-i18n would have parsed in the browser.
 */
export const ICU_OPTIONS = { ignoreTag: true } as const;

/** A dictionary's ICU messages, parsed at build time: message text → its AST. */
export type CompiledMessages = Record<string, MessageFormatElement[]>;

/**
 * Whether a message can mean anything but its own text. Without braces or apostrophes (the
 * only ICU syntax outside plurals, tags being ignored) it is a literal; everything else is
 * compiled, and compiled.test.ts proves the rule against the real parser.
 */
export function needsParser(message: string): boolean {
	return /[{}'<]/.test(message);
}
