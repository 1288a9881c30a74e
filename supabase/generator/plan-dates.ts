/**
 * When each demo plan item is planned to start and to finish. The work of a plan runs item
 * after item in the order plans.ts's progress model does it (underground first, then the
 * buildings, then above ground: 先地下、后地上), each taking the share of the construction
 * window its budget takes of the whole, so an item's dates agree with its status on the data
 * date: done items finished by then, items under way started before and finishing after,
 * planned items starting after it. Surface works therefore start after the last pipe is
 * renewed — except in the communities of SURFACE_BEFORE_UNDERGROUND, which break the rule on
 * purpose so that planners see the flag (public.underground_first_flags).
 */
import { stageIndex, type Stage } from '../../src/lib/domain/stages';
import type { SeedProjectMilestone } from './types';

/**
 * The communities whose plans break "underground first" on purpose, and how: both are still
 * waiting to build, so their pipes are still to renew.
 */
export const SURFACE_BEFORE_UNDERGROUND: Readonly<Record<string, 'overlap' | 'unscheduled'>> = {
	'ZD-2022-05': 'overlap', //     the roads relaid halfway through the laying of the pipes
	'ZD-2022-09': 'unscheduled' //  surface works dated, the renewal of the pipes not yet
};

/** The plan items that renew pipelines (the catalogue's underground items). */
export const UNDERGROUND_ITEMS: readonly string[] = ['water_supply', 'rain_sewage', 'heating', 'gas', 'power', 'weak_current'];

const DAY_MS = 86_400_000;
const toDays = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const toIso = (days: number) => new Date(Math.round(days) * DAY_MS).toISOString().slice(0, 10);

/** How far the plan's work has got on the data date, and on which day a share of it is reached. */
export interface WorkCalendar {
	/** The share of the work done on the data date. */
	done: number;
	/** The day (days since 1970) on which `share` of the work is reached. */
	dayOf(share: number): number;
}

/**
 * Before construction the work is to run from the planned construction start (no earlier
 * than a week after the data date: a start already past is a plan not yet redrawn) to the
 * planned acceptance; from acceptance on it ran from the actual start to the actual
 * acceptance; during construction it ran from the start to the data date as far as it has
 * got, and the rest is to be done by the planned acceptance. `done` is plans.ts's model:
 * how far construction has got towards its planned acceptance.
 */
export function workCalendar(stage: Stage, milestones: readonly SeedProjectMilestone[], dataDate: string): WorkCalendar {
	const on = (s: Stage) => milestones.find((m) => m.stage === s);
	const today = toDays(dataDate);
	const linear = (from: number, to: number, done: number): WorkCalendar => ({ done, dayOf: (share) => from + share * (to - from) });
	if (stageIndex(stage) < stageIndex('construction')) {
		const from = Math.max(toDays(on('construction')?.plannedOn ?? dataDate), today + 7);
		return linear(from, Math.max(toDays(on('acceptance')?.plannedOn ?? dataDate), from + 120), 0);
	}
	const started = on('construction')?.actualOn;
	if (stageIndex(stage) >= stageIndex('acceptance')) {
		const accepted = on('acceptance')?.actualOn ?? dataDate;
		return linear(toDays(started ?? accepted), toDays(accepted), 1);
	}
	const due = on('acceptance')?.plannedOn;
	if (!started || !due) return linear(today, today + 300, 0.1);
	const span = Math.max(60, toDays(due) - toDays(started));
	const done = Math.min(0.9, Math.max(0.05, (today - toDays(started)) / span));
	const end = Math.max(toDays(due), today + 30);
	return {
		done,
		dayOf: (share) =>
			share <= done
				? toDays(started) + (share / done) * (today - toDays(started))
				: today + ((share - done) / (1 - done)) * (end - today)
	};
}

/**
 * The dates of an item doing the work from share `from` to share `to`: it starts the day
 * after the work before it is reached (the first item on the first day) and finishes the day
 * its own share is reached, or on its first day when that is shorter.
 */
export function datesOf(calendar: WorkCalendar, from: number, to: number): { startsOn: string; finishesOn: string } {
	const start = Math.round(calendar.dayOf(from)) + (from > 1e-9 ? 1 : 0);
	return { startsOn: toIso(start), finishesOn: toIso(Math.max(start, Math.round(calendar.dayOf(to)))) };
}

interface Dated {
	catalogueCode: string;
	startsOn: string | null;
	finishesOn: string | null;
}

/**
 * The deliberate breaches: in an 'overlap' community the roads start halfway through the
 * underground items' time, while the pipes are still being laid; in an 'unscheduled' one the
 * underground items lose their dates (the utility operators have not committed to any)
 * while the surface works keep theirs.
 */
export function breakUndergroundFirst<T extends Dated>(communityCode: string, items: T[]): T[] {
	const breach = SURFACE_BEFORE_UNDERGROUND[communityCode];
	if (!breach) return items;
	const underground = items.filter((i) => UNDERGROUND_ITEMS.includes(i.catalogueCode));
	if (breach === 'unscheduled') {
		return items.map((i) => (underground.includes(i) ? { ...i, startsOn: null, finishesOn: null } : i));
	}
	const spans = underground.flatMap((i) => (i.startsOn && i.finishesOn ? [[toDays(i.startsOn), toDays(i.finishesOn)]] : []));
	if (spans.length === 0) throw new Error(`${communityCode}: no dated pipe renewal to overlap`);
	const first = Math.min(...spans.map(([start]) => start));
	const last = Math.max(...spans.map(([, finish]) => finish));
	const roadsStart = toIso(first + Math.floor((last - first) / 2));
	return items.map((i) => {
		if (i.catalogueCode !== 'roads' || !i.startsOn || !i.finishesOn) return i;
		const length = toDays(i.finishesOn) - toDays(i.startsOn);
		return { ...i, startsOn: roadsStart, finishesOn: toIso(toDays(roadsStart) + length) };
	});
}
