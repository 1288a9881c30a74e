// negotiator 1.x takes the server's preference order for ties; @types/negotiator still
// describes 0.6. Only what src/lib/server/http/compress.ts uses.
declare module 'negotiator' {
	interface Options {
		preferred?: string[];
	}
	export default class Negotiator {
		constructor(request: { headers: Record<string, string | string[] | undefined> });
		encoding(available?: string[], options?: Options): string | undefined;
	}
}
