/**
 * Generic community names in the style of the old state-owned housing the programme
 * covers: work-unit dormitories (宿舍, 家属院) of the kind of factories and bureaus Zibo had,
 * and plain estate names (小区, 新村). Deliberately not the names of real estates.
 */
import type { Rng } from './rng';

const WORK_UNITS = [
	'第二机床厂',
	'纺织机械厂',
	'陶瓷厂',
	'化肥厂',
	'玻璃制品厂',
	'电机厂',
	'水泥制品厂',
	'印染厂',
	'橡胶厂',
	'制药厂',
	'建筑材料公司',
	'粮食局',
	'商业局',
	'物资局',
	'交通局',
	'邮电局',
	'供电所',
	'供销社',
	'运输公司',
	'轻工机械厂',
	'耐火材料厂',
	'建筑安装公司'
];

const DORMITORY_SUFFIXES = ['宿舍', '家属院', '宿舍区'];

const ESTATE_NAMES = [
	'东风小区',
	'向阳小区',
	'建设新村',
	'光明小区',
	'团结新村',
	'工人新村',
	'育才小区',
	'胜利新村',
	'红星小区',
	'前进新村'
];

/** `count` distinct names, about two in three of them work-unit dormitories. */
export function communityNames(rng: Rng, count: number): string[] {
	const units = rng.shuffle(WORK_UNITS);
	const estates = rng.shuffle(ESTATE_NAMES);
	const names: string[] = [];
	while (names.length < count) {
		const useEstate = estates.length > 0 && (units.length === 0 || rng.chance(0.35));
		const unit = useEstate ? undefined : units.pop();
		const name = useEstate ? estates.pop() : unit && `${unit}${rng.pick(DORMITORY_SUFFIXES)}`;
		if (!name) throw new Error(`only ${names.length} community names available`);
		names.push(name);
	}
	return names;
}

/** Buildings are numbered within their community, as on the plaques: 1号楼, 2号楼… */
export function buildingName(index: number): string {
	return `${index + 1}号楼`;
}
