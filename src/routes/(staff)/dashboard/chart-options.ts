import type { DelayFigures, FundsBySource, GroupProgress, Level, StageReached } from '$lib/domain/dashboard';
import { LEVELS } from '$lib/domain/dashboard';
import type { ChartOption } from './echarts';

// The dashboard's charts as plain ECharts options built from the loader's figures (no
// ECharts import here: only its types). Colours from Okabe and Ito's palette, told apart by
// viewers with any common colour-vision deficiency; each bar is labelled with its figure too.

export const LEVEL_COLOURS: Record<Level, string> = { planned: '#56b4e9', started: '#e69f00', completed: '#009e73' };

const BASE: ChartOption = {
	tooltip: { trigger: 'axis' },
	grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
	textStyle: { fontFamily: 'inherit' }
};

/** Planned, started and completed communities per group (batch year or sub-district). */
export function progressChart(groups: GroupProgress[], groupLabel: (key: string) => string, levelLabel: (level: Level) => string): ChartOption {
	return {
		...BASE,
		legend: { top: 0 },
		xAxis: { type: 'category', data: groups.map((g) => groupLabel(g.key)), axisLabel: { interval: 0, rotate: groups.length > 5 ? 30 : 0 } },
		yAxis: { type: 'value', minInterval: 1 },
		series: LEVELS.map((level) => ({
			type: 'bar' as const,
			name: levelLabel(level),
			itemStyle: { color: LEVEL_COLOURS[level] },
			label: { show: true, position: 'top' as const },
			data: groups.map((g) => g.levels[level].communities)
		}))
	};
}

/** How many planned communities reached each stage or a later one. */
export function funnelChart(funnel: StageReached[], stageLabel: (stage: string) => string): ChartOption {
	return {
		tooltip: { trigger: 'item' },
		series: [
			{
				type: 'funnel',
				sort: 'none',
				left: '10%',
				width: '80%',
				minSize: '8%',
				label: { show: true, position: 'inside', formatter: '{b}: {c}', color: '#000' },
				itemStyle: { borderColor: '#fff', borderWidth: 1 },
				data: funnel.map((f, i) => ({ name: stageLabel(f.stage), value: f.communities, itemStyle: { color: FUNNEL[i % FUNNEL.length] } }))
			}
		]
	};
}
const FUNNEL = ['#cfe8f7', '#a6d6f2', '#56b4e9', '#f3c567', '#e69f00', '#009e73'];

/** Money by source, in 万元, largest first. */
export function moneyChart(money: FundsBySource[], sourceLabel: (source: string) => string): ChartOption {
	const rows = [...money].reverse();
	return {
		...BASE,
		grid: { ...BASE.grid, top: 8 },
		xAxis: { type: 'value' },
		yAxis: { type: 'category', data: rows.map((m) => sourceLabel(m.source)) },
		series: [
			{
				type: 'bar',
				label: { show: true, position: 'right' },
				data: rows.map((m) => ({ value: Math.round(m.amountYuan / 100) / 100, itemStyle: { color: m.restricted ? '#0072b2' : '#cc79a7' } }))
			}
		]
	};
}

/** Communities per delay bucket, with those late now. */
export function delaysChart(delays: DelayFigures[], bucketLabel: (bucket: string) => string, names: { communities: string; late: string }): ChartOption {
	return {
		...BASE,
		legend: { top: 0 },
		xAxis: { type: 'category', data: delays.map((d) => bucketLabel(d.bucket)), axisLabel: { interval: 0 } },
		yAxis: { type: 'value', minInterval: 1 },
		series: [
			{ type: 'bar', name: names.communities, itemStyle: { color: '#56b4e9' }, label: { show: true, position: 'top' }, data: delays.map((d) => d.communities) },
			{ type: 'bar', name: names.late, itemStyle: { color: '#d55e00' }, label: { show: true, position: 'top' }, data: delays.map((d) => d.late) }
		]
	};
}
