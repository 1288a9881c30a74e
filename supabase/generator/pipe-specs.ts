/**
 * How each underground network of a demo community is built: who owns it, where it lies in
 * the road, how deep, and of what before and after renovation. Figures follow the national
 * design standards a Chinese residential compound is laid out by:
 * - GB 50289-2016 城市工程管线综合规划规范: each network keeps its own strip of the road,
 *   shallow cables towards the buildings, deep gravity sewers in the middle;
 * - GB 50013-2018 室外给水设计标准: water mains below the frost line, at least 0.7 m of cover
 *   under roads; northern cities customarily lay them 1.0–1.5 m deep;
 * - GB 50014-2021 室外排水设计标准: separate rain and sewage networks (雨污分流), sewers
 *   DN300 at least at slope 0.002 for plastic pipe, rain inlet leads DN200 at 0.01, manholes
 *   well inside the maximum spacing;
 * - GB 50028-2006 城镇燃气设计规范: at least 0.9 m of cover over gas pipes under roads;
 * - CJJ 34-2022 城镇供热管网设计标准: directly buried pre-insulated pipe about 1 m deep;
 * - GB 50217-2018 电力工程电缆设计标准 and GB 50373-2019 通信管道与通道工程设计标准: duct banks
 *   with 0.5–0.8 m of cover.
 * The renovation replaces the materials of the 1980s–90s (grey cast iron, concrete, bare
 * steel in trenches, cement duct blocks) with today's (ductile iron, HDPE, PE, pre-insulated
 * pipe, plastic duct banks).
 */
export const PIPELINE_TYPES = ['water', 'rain', 'sewage', 'gas', 'heat', 'power', 'telecom'] as const;
export type PipelineType = (typeof PIPELINE_TYPES)[number];
export type PipeState = 'existing' | 'to_renew' | 'renewed' | 'abandoned';

/** A pipe's size: a diameter (mm, DN or PE dn), or for a duct bank its outline 'W×H' (mm). */
export interface PipeSize {
	material: string;
	diameterMm: number | null;
	section: string | null;
}

export interface PipeSpec {
	/** The utility operator (专营单位, DOMAIN.md §5) that owns and takes over the network. */
	owner: string;
	/** The plan catalogue item whose renewal covers this network (plans.ts). */
	planItem: string;
	/**
	 * Place across the road, metres from its centre line (positive towards the compound's
	 * middle): sewers in the middle, the other networks a strip each, cables outermost.
	 */
	offsetM: number;
	/**
	 * Gravity networks fall at `slope` towards the outfall from `mainDepthM`; pressure
	 * networks lie at `mainDepthM` (metres to the pipe's axis), give or take `jitterM`.
	 * Rain and sewage fall alike, sewage 0.7 m lower: where their mains cross, two gravity
	 * lines cannot dodge each other, and 0.7 m holds both pipes (DN500 over DN400) with the
	 * 0.15 m between them of GB 50289's table of crossing clearances.
	 */
	gravity: boolean;
	slope: number;
	mainDepthM: number;
	jitterM: number;
	/** Depth of a service line where it leaves or enters the building. */
	serviceDepthM: readonly [number, number];
	/** Ring main, branch main and service line: before renovation, and after. */
	old: { ring: PipeSize; branch: PipeSize; service: PipeSize };
	renewed: { ring: PipeSize; branch: PipeSize; service: PipeSize };
}

const size = (material: string, diameterMm: number | null, section: string | null = null): PipeSize => ({
	material,
	diameterMm,
	section
});

export const PIPE_SPECS: Record<PipelineType, PipeSpec> = {
	water: {
		owner: '供水公司',
		planItem: 'water_supply',
		offsetM: -1.5,
		gravity: false,
		slope: 0,
		mainDepthM: 1.3,
		jitterM: 0.15,
		serviceDepthM: [1.0, 1.2],
		old: { ring: size('灰口铸铁管', 150), branch: size('灰口铸铁管', 100), service: size('镀锌钢管', 50) },
		renewed: { ring: size('球墨铸铁管', 200), branch: size('球墨铸铁管', 150), service: size('PE100给水管', 75) }
	},
	rain: {
		owner: '排水公司',
		planItem: 'rain_sewage',
		offsetM: 1.5,
		gravity: true,
		slope: 0.002,
		mainDepthM: 1.1,
		jitterM: 0,
		serviceDepthM: [0.8, 1.0],
		old: { ring: size('钢筋混凝土管', 400), branch: size('混凝土管', 300), service: size('混凝土管', 200) },
		renewed: { ring: size('HDPE双壁波纹管', 500), branch: size('HDPE双壁波纹管', 400), service: size('HDPE双壁波纹管', 200) }
	},
	sewage: {
		owner: '排水公司',
		planItem: 'rain_sewage',
		offsetM: 0,
		gravity: true,
		slope: 0.002,
		mainDepthM: 1.8,
		jitterM: 0,
		serviceDepthM: [1.0, 1.2],
		old: { ring: size('混凝土管', 300), branch: size('混凝土管', 300), service: size('陶土管', 150) },
		renewed: { ring: size('HDPE双壁波纹管', 400), branch: size('HDPE双壁波纹管', 300), service: size('HDPE双壁波纹管', 200) }
	},
	gas: {
		owner: '燃气公司',
		planItem: 'gas',
		offsetM: 3,
		gravity: false,
		slope: 0,
		mainDepthM: 1.15,
		jitterM: 0.1,
		serviceDepthM: [0.8, 0.9],
		old: { ring: size('无缝钢管', 100), branch: size('无缝钢管', 80), service: size('镀锌钢管', 50) },
		renewed: { ring: size('PE100燃气管 SDR11', 110), branch: size('PE100燃气管 SDR11', 90), service: size('PE100燃气管 SDR11', 63) }
	},
	heat: {
		owner: '热力公司',
		planItem: 'heating',
		offsetM: -3,
		gravity: false,
		slope: 0,
		mainDepthM: 1.4,
		jitterM: 0.15,
		serviceDepthM: [1.1, 1.3],
		old: { ring: size('钢管（砖砌地沟）', 200), branch: size('钢管（砖砌地沟）', 150), service: size('钢管（砖砌地沟）', 80) },
		renewed: { ring: size('预制直埋保温管', 200), branch: size('预制直埋保温管', 150), service: size('预制直埋保温管', 80) }
	},
	power: {
		owner: '供电中心',
		planItem: 'power',
		offsetM: 4.5,
		gravity: false,
		slope: 0,
		mainDepthM: 0.9,
		jitterM: 0.1,
		serviceDepthM: [0.7, 0.8],
		old: { ring: size('砖砌电缆沟', null, '600×600'), branch: size('砖砌电缆沟', null, '600×600'), service: size('直埋电缆保护管', 100) },
		renewed: { ring: size('MPP电缆保护管排管', null, '600×400'), branch: size('MPP电缆保护管排管', null, '400×400'), service: size('MPP电缆保护管', 150) }
	},
	telecom: {
		owner: '通信运营商',
		planItem: 'weak_current',
		offsetM: -4.5,
		gravity: false,
		slope: 0,
		mainDepthM: 1.0,
		jitterM: 0.08,
		serviceDepthM: [0.7, 0.8],
		old: { ring: size('水泥管块', null, '360×250'), branch: size('水泥管块', null, '360×250'), service: size('PVC-U管', 110) },
		renewed: { ring: size('PVC-U多孔管排管', null, '400×300'), branch: size('PVC-U多孔管排管', null, '400×300'), service: size('PVC-U管', 110) }
	}
};

/**
 * The depths (m) every segment and node of a type stays within, services included: what
 * the tests hold the generator to. Gravity networks reach their deepest at the outfall of
 * the largest compound (about 900 m of sewer at 0.002).
 */
export const DEPTH_RANGE_M: Record<PipelineType, readonly [number, number]> = {
	water: [0.9, 1.6],
	rain: [0.7, 3.0],
	sewage: [0.9, 3.7],
	gas: [0.7, 1.3],
	heat: [1.0, 1.6],
	power: [0.6, 1.1],
	telecom: [0.6, 1.1]
};
