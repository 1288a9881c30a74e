import type { Cell } from '$lib/domain/dashboard-drill';

/**
 * A drill-down table as a file: CSV through Papa Parse, Excel through write-excel-file, both
 * loaded only when asked for. `header` and `rows` are what the table shows (translated
 * labels), numbers kept as numbers so a spreadsheet can add them up again.
 */
export interface Sheet {
	header: string[];
	rows: Cell[][];
}

/**
 * CSV with a UTF-8 byte-order mark: without it Excel on Chinese Windows reads the file as
 * GBK and shows every Chinese name garbled.
 */
export async function toCsv(sheet: Sheet): Promise<Blob> {
	const { unparse } = await import('papaparse');
	const text = unparse({ fields: sheet.header, data: sheet.rows.map((r) => r.map((c) => (c === null ? '' : c))) });
	return new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
}

export async function toXlsx(sheet: Sheet, name: string): Promise<Blob> {
	const { default: writeXlsxFile } = await import('write-excel-file/browser');
	const data = [
		sheet.header.map((value) => ({ value, fontWeight: 'bold' as const })),
		...sheet.rows.map((r) => r.map((c) => (c === null ? null : typeof c === 'boolean' ? String(c) : c)))
	];
	// Sheet names may not exceed 31 characters in Excel.
	return writeXlsxFile(data, { sheet: name.slice(0, 31) }).toBlob();
}

/** Hands a file to the browser's downloads. */
export function download(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
