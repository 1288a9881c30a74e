import { BarChart, FunnelChart, type BarSeriesOption, type FunnelSeriesOption } from 'echarts/charts';
import { AriaComponent, GridComponent, type AriaComponentOption, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only what the dashboard draws, through ECharts' tree-shakeable entry (about a third of the
// full build), and the SVG renderer: sharp on a projector and lighter than canvas. Imported
// dynamically by Chart.svelte, so none of it is in any page's first load.
use([BarChart, FunnelChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | FunnelSeriesOption | AriaComponentOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export { init };
