import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Raster images for symbol layers, made from SVG in the browser: a family that draws icons
 * hands its images here before adding the layers that use them, so no symbol is laid out
 * while its image is missing. `pixelRatio` 2 keeps them sharp on high-density screens.
 */
export type ImageMaker = (size: number) => Promise<CanvasImageSource>;

export async function addImages(map: MapLibreMap, images: Record<string, ImageMaker>, size: number, pixelRatio = 2): Promise<void> {
	const px = size * pixelRatio;
	const made = await Promise.all(
		Object.entries(images).map(async ([id, make]) => {
			const canvas = document.createElement('canvas');
			canvas.width = canvas.height = px;
			const ctx = canvas.getContext('2d');
			if (!ctx) throw new Error('no 2D canvas');
			ctx.drawImage(await make(px), 0, 0, px, px);
			return [id, ctx.getImageData(0, 0, px, px)] as const;
		})
	);
	for (const [id, data] of made) if (!map.hasImage(id)) map.addImage(id, data, { pixelRatio });
}

/** An SVG document as a decoded image, ready to draw on a canvas. */
export function svgImage(svg: string): Promise<HTMLImageElement> {
	const image = new Image();
	image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
	return image.decode().then(() => image);
}
