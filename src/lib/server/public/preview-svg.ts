import type { OutlineShapes } from '$lib/domain/public-community';

export interface PreviewText {
	title: string;
	subtitle: string;
	stage: string;
	/** 0–100, or null without a plan. */
	progressPct: number | null;
	progressLabel: string;
	footer: string;
}

const escape = (text: string) =>
	text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * The image a chat app or a search engine shows with a link to a community page: 1200×630
 * (the size Open Graph previews use), the name, stage and progress on the left and the
 * community's outline on the right. SVG rather than PNG: rasterising would need a native
 * library (resvg, sharp) on the server; the trade-off is that some link-preview crawlers
 * accept only raster images.
 */
export function previewSvg(text: PreviewText, map: OutlineShapes): string {
	const scale = Math.min(480 / map.width, 480 / map.height);
	const mapX = 1200 - 60 - map.width * scale;
	const mapY = (630 - map.height * scale) / 2;
	const pct = text.progressPct ?? 0;
	const buildings = map.buildings.map((d) => `<path d="${d}"/>`).join('');
	return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630" font-family="'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif">
<rect width="1200" height="630" fill="#ffffff"/>
<rect width="1200" height="12" fill="#0b3d91"/>
<text x="60" y="150" font-size="64" font-weight="700" fill="#1f2328">${escape(text.title)}</text>
<text x="60" y="215" font-size="34" fill="#5f6b76">${escape(text.subtitle)}</text>
<text x="60" y="320" font-size="44" font-weight="700" fill="#0b3d91">${escape(text.stage)}</text>
${
	text.progressPct === null
		? ''
		: `<rect x="60" y="360" width="520" height="28" rx="14" fill="#d8dee4"/>
<rect x="60" y="360" width="${(520 * pct) / 100}" height="28" rx="14" fill="#1a7f37"/>
<text x="60" y="440" font-size="34" fill="#1f2328">${escape(text.progressLabel)}</text>`
}
<text x="60" y="580" font-size="26" fill="#5f6b76">${escape(text.footer)}</text>
<g transform="translate(${mapX.toFixed(1)} ${mapY.toFixed(1)}) scale(${scale.toFixed(4)})">
<path d="${map.boundary}" fill="#e8f0fb" stroke="#0b3d91" stroke-width="${(3 / scale).toFixed(2)}"/>
<g fill="#8c959f">${buildings}</g>
</g>
</svg>`;
}
