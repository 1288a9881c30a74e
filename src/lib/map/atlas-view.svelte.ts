import { getContext, setContext } from 'svelte';
import type { PipelineType } from '$lib/domain/pipes';
import type { Stage } from '$lib/domain/stages';
import { parseView, serializeView, type Camera, type ColorBy, type Selection, type Settings } from './view';

/**
 * The map's view, which the page mirrors into the URL. The camera is kept apart from the
 * settings so that panning, which changes it continuously, does not recompute the layers,
 * filters and totals that depend only on the settings.
 */
export class AtlasView {
	camera: Camera;
	settings: Settings;
	/** URL parameters that were ignored when the view was read, to tell the user. */
	ignored: string[];

	/** The whole view as URL parameters. */
	readonly params: URLSearchParams;

	/** `staff`: the settings only staff may use (pipelines) are read from the link too. */
	constructor(params: URLSearchParams, options: { staff?: boolean } = {}) {
		const { view, ignored } = parseView(params, options);
		const { center, zoom, pitch, bearing, ...settings } = view;
		this.camera = $state.raw({ center, zoom, pitch, bearing });
		this.settings = $state.raw(settings);
		this.ignored = $state.raw(ignored);
		this.params = $derived(serializeView({ ...this.camera, ...this.settings }));
	}

	#update(patch: Partial<Settings>) {
		this.settings = { ...this.settings, ...patch };
	}

	setColorBy(colorBy: ColorBy) {
		this.#update({ colorBy });
	}

	setThreeD(threeD: boolean) {
		this.#update({ threeD });
	}

	toggleYear(year: number) {
		const { years } = this.settings;
		this.#update({ years: years.includes(year) ? years.filter((y) => y !== year) : [...years, year].sort() });
	}

	toggleStage(stage: Stage) {
		const { stages } = this.settings;
		this.#update({ stages: stages.includes(stage) ? stages.filter((s) => s !== stage) : [...stages, stage] });
	}

	setSubdistrict(subdistrict: string | null) {
		this.#update({ subdistrict });
	}

	clearFilters() {
		this.#update({ years: [], stages: [], subdistrict: null });
	}

	/** Shows the district as of a past date, or (null) as it stands. */
	setAsOf(asOf: string | null) {
		this.#update({ asOf });
	}

	/** Shows these pipeline networks (legend order is kept by the caller); none hides them and the underground view. */
	setPipes(pipes: PipelineType[]) {
		this.#update({ pipes, underground: pipes.length > 0 && this.settings.underground });
	}

	setUnderground(underground: boolean) {
		this.#update({ underground });
	}

	select(selection: Selection) {
		this.#update({ selection });
	}

	setCamera(camera: Camera) {
		this.camera = camera;
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
