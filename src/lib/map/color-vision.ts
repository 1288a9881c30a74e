// How far apart two colours look, to people with normal and with deficient colour vision.
// Used by the palette's tests, not by the app: it checks that the map's colours stay apart.

export type Lab = [number, number, number];
type Rgb = [number, number, number];
type Matrix = [Rgb, Rgb, Rgb];

export type Deficiency = 'protanopia' | 'deuteranopia' | 'tritanopia';

/**
 * Machado, Oliveira and Fernandes (2009), "A physiologically-based model for simulation of
 * color vision deficiency", severity 1.0: the full dichromacies, applied to linear sRGB.
 * https://www.inf.ufrgs.br/~oliveira/pubs_files/CVD_Simulation/CVD_Simulation.html
 */
const MACHADO: Record<Deficiency, Matrix> = {
	protanopia: [
		[0.152286, 1.052583, -0.204868],
		[0.114503, 0.786281, 0.099216],
		[-0.003882, -0.048116, 1.051998]
	],
	deuteranopia: [
		[0.367322, 0.860646, -0.227968],
		[0.280085, 0.672501, 0.047413],
		[-0.01182, 0.04294, 0.968881]
	],
	tritanopia: [
		[1.255528, -0.076749, -0.178779],
		[-0.078411, 0.930809, 0.1476],
		[0.004733, 0.691367, 0.3039]
	]
};

export const DEFICIENCIES = Object.keys(MACHADO) as Deficiency[];

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

function linearRgb(hex: string): Rgb {
	const n = Number.parseInt(hex.replace('#', ''), 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => toLinear(c / 255)) as Rgb;
}

const apply = (m: Matrix, [r, g, b]: Rgb): Rgb => m.map(([x, y, z]) => Math.min(1, Math.max(0, x * r + y * g + z * b))) as Rgb;

/** CIELAB (D65) of linear sRGB. */
function labOfLinear([r, g, b]: Rgb): Lab {
	const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
	const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
	const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
	const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
	const [fx, fy, fz] = [f(x), f(y), f(z)];
	return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** CIELAB of an sRGB hex colour as seen with normal vision or with `deficiency`. */
export function labOf(hex: string, deficiency?: Deficiency): Lab {
	const rgb = linearRgb(hex);
	return labOfLinear(deficiency ? apply(MACHADO[deficiency], rgb) : rgb);
}

const deg = (rad: number) => (rad * 180) / Math.PI;
const rad = (deg: number) => (deg * Math.PI) / 180;

/**
 * CIEDE2000 colour difference (Sharma, Wu and Dalal 2005, with their test data in the
 * tests). About 1 is just noticeable side by side; map colours read apart from about 10.
 */
export function deltaE2000([l1, a1, b1]: Lab, [l2, a2, b2]: Lab): number {
	const c1 = Math.hypot(a1, b1);
	const c2 = Math.hypot(a2, b2);
	const cMean7 = ((c1 + c2) / 2) ** 7;
	const g = 0.5 * (1 - Math.sqrt(cMean7 / (cMean7 + 25 ** 7)));
	const [ap1, ap2] = [(1 + g) * a1, (1 + g) * a2];
	const [cp1, cp2] = [Math.hypot(ap1, b1), Math.hypot(ap2, b2)];
	const hue = (b: number, ap: number) => (b === 0 && ap === 0 ? 0 : (deg(Math.atan2(b, ap)) + 360) % 360);
	const [hp1, hp2] = [hue(b1, ap1), hue(b2, ap2)];

	const dL = l2 - l1;
	const dC = cp2 - cp1;
	let dh = 0;
	if (cp1 * cp2 !== 0) dh = hp2 - hp1 > 180 ? hp2 - hp1 - 360 : hp2 - hp1 < -180 ? hp2 - hp1 + 360 : hp2 - hp1;
	const dH = 2 * Math.sqrt(cp1 * cp2) * Math.sin(rad(dh / 2));

	const lMean = (l1 + l2) / 2;
	const cpMean = (cp1 + cp2) / 2;
	let hMean = hp1 + hp2;
	if (cp1 * cp2 !== 0) hMean = Math.abs(hp1 - hp2) > 180 ? (hp1 + hp2 + (hp1 + hp2 < 360 ? 360 : -360)) / 2 : (hp1 + hp2) / 2;
	const t = 1 - 0.17 * Math.cos(rad(hMean - 30)) + 0.24 * Math.cos(rad(2 * hMean)) + 0.32 * Math.cos(rad(3 * hMean + 6)) - 0.2 * Math.cos(rad(4 * hMean - 63));
	const sl = 1 + (0.015 * (lMean - 50) ** 2) / Math.sqrt(20 + (lMean - 50) ** 2);
	const sc = 1 + 0.045 * cpMean;
	const sh = 1 + 0.015 * cpMean * t;
	const cpMean7 = cpMean ** 7;
	const rt = -2 * Math.sqrt(cpMean7 / (cpMean7 + 25 ** 7)) * Math.sin(rad(60 * Math.exp(-(((hMean - 275) / 25) ** 2))));
	return Math.sqrt((dL / sl) ** 2 + (dC / sc) ** 2 + (dH / sh) ** 2 + rt * (dC / sc) * (dH / sh));
}

/** The closest two colours of a palette, as seen with `deficiency` (or normal vision). */
export function closestPair(colors: string[], deficiency?: Deficiency): { pair: [string, string]; deltaE: number } {
	let closest = { pair: [colors[0], colors[0]] as [string, string], deltaE: Infinity };
	colors.forEach((a, i) =>
		colors.slice(i + 1).forEach((b) => {
			const deltaE = deltaE2000(labOf(a, deficiency), labOf(b, deficiency));
			if (deltaE < closest.deltaE) closest = { pair: [a, b], deltaE };
		})
	);
	return closest;
}
