// A dictionary's precompiled ICU messages (src/lib/i18n/icu-build.ts).
declare module '*.json?icu' {
	const compiled: import('./icu').CompiledMessages;
	export default compiled;
}
