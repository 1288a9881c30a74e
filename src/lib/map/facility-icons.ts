/**
 * The @mapbox/maki icons (CC0) the facility kinds use, as SVG text: only these are bundled,
 * and only in the facility layer's lazily loaded chunk (src/lib/domain/facility-display.ts
 * names which kind uses which).
 */
import parking from '@mapbox/maki/icons/parking.svg?raw';
import chargingStation from '@mapbox/maki/icons/charging-station.svg?raw';
import bicycle from '@mapbox/maki/icons/bicycle.svg?raw';
import warehouse from '@mapbox/maki/icons/warehouse.svg?raw';
import post from '@mapbox/maki/icons/post.svg?raw';
import information from '@mapbox/maki/icons/information.svg?raw';
import toilet from '@mapbox/maki/icons/toilet.svg?raw';
import convenience from '@mapbox/maki/icons/convenience.svg?raw';
import recycling from '@mapbox/maki/icons/recycling.svg?raw';
import fitnessCentre from '@mapbox/maki/icons/fitness-centre.svg?raw';
import star from '@mapbox/maki/icons/star.svg?raw';
import townHall from '@mapbox/maki/icons/town-hall.svg?raw';
import residentialCommunity from '@mapbox/maki/icons/residential-community.svg?raw';
import heart from '@mapbox/maki/icons/heart.svg?raw';
import playground from '@mapbox/maki/icons/playground.svg?raw';
import doctor from '@mapbox/maki/icons/doctor.svg?raw';
import library from '@mapbox/maki/icons/library.svg?raw';

export const MAKI: Record<string, string> = {
	'parking': parking,
	'charging-station': chargingStation,
	'bicycle': bicycle,
	'warehouse': warehouse,
	'post': post,
	'information': information,
	'toilet': toilet,
	'convenience': convenience,
	'recycling': recycling,
	'fitness-centre': fitnessCentre,
	'star': star,
	'town-hall': townHall,
	'residential-community': residentialCommunity,
	'heart': heart,
	'playground': playground,
	'doctor': doctor,
	'library': library,
};
