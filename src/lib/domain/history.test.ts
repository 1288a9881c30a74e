import { describe, expect, it } from 'vitest';
import { translate } from '$lib/server/i18n';
import { describeEntry, type HistoryEntry, type RowChange } from './history';

const t = (lang: 'zh-CN' | 'en') => (key: string, values?: Record<string, string | number>) => translate(lang, key, values);

const inserted = (table: RowChange['table'], n: number): RowChange[] =>
	Array.from({ length: n }, (_, i) => ({ table, rowId: `${table}-${i}`, action: 'insert' as const, subject: null, fields: [] }));

const entry = (changes: RowChange[]): HistoryEntry => ({ id: 1, at: '2026-11-25T00:00:00Z', actor: null, changes });

describe('a history entry of the pipelines', () => {
	it('counts pipe segments and manholes added in bulk instead of listing them', () => {
		const bulk = entry([...inserted('pipe_segments', 312), ...inserted('pipe_nodes', 40)]);
		expect(describeEntry(bulk, t('en'), 'en')).toEqual(['Added: 312 pipe segments, 40 manholes and valves']);
		expect(describeEntry(bulk, t('zh-CN'), 'zh-CN')).toEqual(['新建：312 段管线、40 个检查井/阀门']);
		expect(describeEntry(entry(inserted('facilities', 3)), t('en'), 'en')).toEqual(['Added: 3 facilities']);
	});

	it('names the fields of a pipe segment that changed, and only says that its line was redrawn', () => {
		const changed = entry([
			{
				table: 'pipe_segments',
				rowId: 'p',
				action: 'update',
				subject: null,
				fields: [
					{ column: 'depth_start_m', from: 1.2, to: 1.5 },
					{ column: 'geom', from: null, to: null, geometry: true }
				]
			}
		]);
		expect(describeEntry(changed, t('en'), 'en')).toEqual(['Depth at start (m): 1.2 → 1.5', 'Location changed (geometry)']);
	});
});
