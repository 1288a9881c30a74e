import { env as privateEnv } from '$env/dynamic/private';
import { env as publicEnv } from '$env/dynamic/public';
import type { Basemap } from '$lib/map/basemap';

type Env = Record<string, string | undefined>;

/** Tianditu's eight mirrors (t0–t7) of one WMTS layer in Web Mercator ("_w"). */
function tiandituLayer(layer: 'vec' | 'cva' | 'img' | 'cia', key: string): string[] {
	return Array.from(
		{ length: 8 },
		(_, n) =>
			`https://t${n}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default` +
			`&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key)}`
	);
}

const TIANDITU_ATTRIBUTION = '© 天地图 tianditu.gov.cn';

/** The basemaps a deployment names with BASEMAP, each from its key alone. */
const PRESETS: Record<string, (env: Env) => Basemap> = {
	// Streets with their labels stacked on top: the way Chinese government maps show Tianditu.
	tianditu: (env) => ({ layers: [tiandituLayer('vec', tiandituKey(env)), tiandituLayer('cva', tiandituKey(env))], attribution: TIANDITU_ATTRIBUTION, maxzoom: 18, datum: 'wgs84' }),
	'tianditu-imagery': (env) => ({ layers: [tiandituLayer('img', tiandituKey(env)), tiandituLayer('cia', tiandituKey(env))], attribution: TIANDITU_ATTRIBUTION, maxzoom: 18, datum: 'wgs84' }),
	// AutoNavi's streets (labels included) in GCJ-02; its tiles are shifted onto WGS84 as they load.
	amap: () => ({
		layers: [[1, 2, 3, 4].map((n) => `https://webrd0${n}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}`)],
		attribution: '© 高德地图 AutoNavi',
		maxzoom: 18,
		datum: 'gcj02'
	})
};

function tiandituKey(env: Env): string {
	const key = env.TIANDITU_KEY?.trim();
	if (!key) throw new Error('BASEMAP=tianditu needs TIANDITU_KEY: the key of a 天地图 application (console.tianditu.gov.cn), configured once on the server');
	if (!/^[0-9a-f]{32}$/i.test(key)) throw new Error('TIANDITU_KEY must be the 32 hexadecimal characters 天地图 issues');
	return key;
}

/** Whitespace-separated templates: the mirrors of one layer. */
const mirrors = (value: string | undefined) => value?.trim().split(/\s+/).filter(Boolean) ?? [];

/**
 * The basemap an environment asks for, or null (the offline default). BASEMAP names a preset
 * (tianditu, tianditu-imagery, amap); otherwise PUBLIC_BASEMAP_TILES gives any XYZ service,
 * with PUBLIC_BASEMAP_LABELS stacked above it, PUBLIC_BASEMAP_DATUM (wgs84 or gcj02),
 * PUBLIC_BASEMAP_ATTRIBUTION and PUBLIC_BASEMAP_MAXZOOM. A setting that cannot work throws,
 * with what to change, so the server stops at start instead of drawing a broken map.
 */
export function resolveBasemap(env: Env): Basemap | null {
	const preset = env.BASEMAP?.trim().toLowerCase();
	if (preset) {
		const make = PRESETS[preset];
		if (!make) throw new Error(`BASEMAP=${preset} is not known: use one of ${Object.keys(PRESETS).join(', ')}, or leave it unset`);
		return make(env);
	}
	const tiles = mirrors(env.PUBLIC_BASEMAP_TILES);
	if (!tiles.length) return null;
	const labels = mirrors(env.PUBLIC_BASEMAP_LABELS);
	const datum = (env.PUBLIC_BASEMAP_DATUM?.trim().toLowerCase() || 'wgs84') as Basemap['datum'];
	if (datum !== 'wgs84' && datum !== 'gcj02') throw new Error(`PUBLIC_BASEMAP_DATUM=${env.PUBLIC_BASEMAP_DATUM} is not known: use wgs84 or gcj02`);
	const maxzoom = Number(env.PUBLIC_BASEMAP_MAXZOOM?.trim() || 18);
	if (!Number.isInteger(maxzoom) || maxzoom < 1 || maxzoom > 22) throw new Error(`PUBLIC_BASEMAP_MAXZOOM=${env.PUBLIC_BASEMAP_MAXZOOM} must be a whole zoom from 1 to 22`);
	for (const template of [...tiles, ...labels]) {
		if (!/\{z\}/.test(template) || !/\{x\}/.test(template) || !/\{y\}/.test(template) || !/^https?:\/\//.test(template))
			throw new Error(`basemap template ${template} needs http(s):// and {z}, {x} and {y}`);
	}
	return { layers: labels.length ? [tiles, labels] : [tiles], attribution: env.PUBLIC_BASEMAP_ATTRIBUTION ?? '', maxzoom, datum };
}

let configured: { basemap: Basemap | null } | undefined;

/** This server's basemap, read from its environment once. */
export function configuredBasemap(): Basemap | null {
	configured ??= { basemap: resolveBasemap({ ...publicEnv, ...privateEnv }) };
	return configured.basemap;
}
