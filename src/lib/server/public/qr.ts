import QRCode from 'qrcode';

/**
 * A QR code for `text` as an SVG element (no width: it scales to its box, sharp on paper).
 * Level M survives a notice board's scratches and a phone's blur at the sizes printed here;
 * the quiet zone of two modules is inside the SVG, so it need not be styled around it.
 */
export function qrSvg(text: string): Promise<string> {
	return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
