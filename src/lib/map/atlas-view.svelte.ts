import { getContext, setContext } from 'svelte';
import type { Stage } from '$lib/domain/stages';
import { parseView, serializeView, type ColorBy, type Selection, type View } from './view';

/** The map's view: what is shown and how. The page mirrors it into the URL. */
export class AtlasView {
	view: View = $state.raw(parseView(new URLSearchParams()).view);
	/** URL parameters that were ignored when the view was read, to tell the user. */
	ignored: string[] = $state.raw([]);

	readonly params = $derived(serializeView(this.view));

	constructor(params: URLSearchParams) {
		const parsed = parseView(params);
		this.view = parsed.view;
		this.ignored = parsed.ignored;
	}

	#update(patch: Partial<View>) {
		this.view = { ...this.view, ...patch };
	}

	setColorBy(colorBy: ColorBy) {
		this.#update({ colorBy });
	}

	setThreeD(threeD: boolean) {
		this.#update({ threeD, pitch: threeD ? Math.max(this.view.pitch, 50) : 0 });
	}

	toggleYear(year: number) {
		const years = this.view.years.includes(year) ? this.view.years.filter((y) => y !== year) : [...this.view.years, year].sort();
		this.#update({ years });
	}

	toggleStage(stage: Stage) {
		const stages = this.view.stages.includes(stage) ? this.view.stages.filter((s) => s !== stage) : [...this.view.stages, stage];
		this.#update({ stages });
	}

	setSubdistrict(subdistrict: string | null) {
		this.#update({ subdistrict });
	}

	clearFilters() {
		this.#update({ years: [], stages: [], subdistrict: null });
	}

	select(selection: Selection) {
		this.#update({ selection });
	}

	setCamera(camera: Pick<View, 'center' | 'zoom' | 'pitch' | 'bearing'>) {
		this.#update(camera);
	}

	dismissIgnored() {
		this.ignored = [];
	}
}

const KEY = Symbol('atlas-view');

export function setAtlasView(view: AtlasView): AtlasView {
	return setContext(KEY, view);
}

export function getAtlasView(): AtlasView {
	const view = getContext<AtlasView | undefined>(KEY);
	if (!view) throw new Error('getAtlasView() needs an AtlasView set by an enclosing page (setAtlasView)');
	return view;
}
