/**
 * A small seeded pseudo-random generator (sfc32, "Small Fast Counting"), so the demo data
 * come out identical on every run and every machine: Math.random cannot be seeded.
 */
export class Rng {
	private a: number;
	private b: number;
	private c: number;
	private d: number;
	private readonly seed: number;

	constructor(seed: number) {
		this.seed = seed >>> 0;
		// Spread one 32-bit seed over the four words, then discard the first outputs so
		// nearby seeds do not start with correlated values.
		this.a = 0x9e3779b9;
		this.b = 0x243f6a88;
		this.c = 0xb7e15162;
		this.d = seed >>> 0;
		for (let i = 0; i < 15; i++) this.nextUint32();
	}

	/** The next 32-bit unsigned integer. */
	nextUint32(): number {
		const t = (((this.a + this.b) | 0) + this.d) | 0;
		this.d = (this.d + 1) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.c = (this.c + t) | 0;
		return t >>> 0;
	}

	/** A float in [0, 1). */
	next(): number {
		return this.nextUint32() / 4294967296;
	}

	/** A float in [min, max). */
	float(min: number, max: number): number {
		return min + (max - min) * this.next();
	}

	/** An integer in [min, max], both inclusive. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** True with probability p. */
	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('pick from an empty list');
		return items[Math.floor(this.next() * items.length)];
	}

	/** A value chosen by relative weight, e.g. [[5, 0.35], [6, 0.45]]. */
	weighted<T>(options: readonly (readonly [T, number])[]): T {
		const total = options.reduce((s, [, w]) => s + w, 0);
		let r = this.next() * total;
		for (const [value, w] of options) {
			r -= w;
			if (r < 0) return value;
		}
		return options[options.length - 1][0];
	}

	/** A shuffled copy (Fisher–Yates). */
	shuffle<T>(items: readonly T[]): T[] {
		const out = [...items];
		for (let i = out.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[out[i], out[j]] = [out[j], out[i]];
		}
		return out;
	}

	/** A random (version 4, RFC 4122 variant) UUID drawn from this generator. */
	uuid(): string {
		const bytes: number[] = [];
		for (let i = 0; i < 4; i++) {
			const w = this.nextUint32();
			bytes.push(w >>> 24, (w >>> 16) & 0xff, (w >>> 8) & 0xff, w & 0xff);
		}
		bytes[6] = (bytes[6] & 0x0f) | 0x40;
		bytes[8] = (bytes[8] & 0x3f) | 0x80;
		const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
		return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
	}

	/**
	 * An independent generator for one concern (names, layout, stages…), derived from the
	 * seed and a label only, so adding draws in one concern leaves the others unchanged.
	 */
	fork(label: string): Rng {
		let h = (this.seed ^ 0x811c9dc5) >>> 0;
		for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
		return new Rng(h >>> 0);
	}
}
