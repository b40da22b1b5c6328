/**
 * The catalogue the recommendation benchmarks run on: the demo dataset (demo/dataset), read the
 * way the ingest reads it (cast and crew lists, producers, flags, the venue's region) and tagged
 * by the local tagger (ingest/hashtags). What the engine never sees stays hidden here: each
 * show's true themes and its appeal (the demo's booking demand). The tags it does see are the
 * themes as an imperfect tagger reports them: some missed, some wrong.
 */

import { workOf } from '../../api/recommend/catalog.ts';
import { producersOf } from '../../api/recommend/catalog-loader.ts';
import type { CatalogItem } from '../../api/recommend/features.ts';
import type { PopularitySignals } from '../../api/recommend/popularity.ts';
import { addDays } from '../../core/calendar.ts';
import { GENRE_LABELS } from '../../core/kopis-genres.ts';
import { generateDemoDataset } from '../../demo/dataset/generate.ts';
import { localTags } from '../../ingest/hashtags/local-tagger.ts';
import { HASHTAG_VOCABULARY } from '../../ingest/hashtags/vocabulary.ts';
import { parseAgeMinimum, parsePeople, parseRuntimeMinutes } from '../../ingest/kopis/free-text.ts';
import { createRandom, type Random } from './random.ts';

export const TAGS: readonly string[] = HASHTAG_VOCABULARY;

export interface HiddenShow {
	/** What the show is really like; `item.tags` is what a tagger found. */
	themes: string[];
	/** Standardised log booking demand: drives the box office and, partly, every user's choice. */
	appeal: number;
	/** Index into World.genres. */
	genreIndex: number;
	/** Runs of one production share it. */
	work: string;
}

export interface World {
	today: string;
	items: CatalogItem[];
	hidden: Map<string, HiddenShow>;
	/** Box office for the week before `today`; community counts are added from users later. */
	popularity: PopularitySignals;
	/** Genre codes with their share of the catalogue. */
	genres: { code: string; share: number }[];
	/** The commonest themes per genre (index as `genres`). */
	genreThemes: string[][];
	/** Cast names per genre, most booked first. */
	castPools: string[][];
	/** Region codes with their share of the catalogue. */
	regions: { code: string; share: number }[];
}

export interface WorldOptions {
	seed: number;
	performances: number;
	venues?: number;
	/** ISO day the catalogue is seen from. */
	today: string;
}

/** The tagger misses this share of a show's themes… */
const MISSED_TAG = 0.25;
/** …and adds a wrong tag to this share of shows. */
const WRONG_TAG = 0.35;

/** Values by how often they occur, most frequent first (ties by value, for determinism). */
function byFrequency(values: readonly string[]): string[] {
	const counts = new Map<string, number>();
	for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
	return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([value]) => value);
}

function shares(values: readonly string[]): { code: string; share: number }[] {
	const counts = new Map<string, number>();
	for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
	return [...counts]
		.sort((a, b) => (a[0] < b[0] ? -1 : 1))
		.map(([code, share]) => ({ code, share }));
}

function observedTags(random: Random, themes: readonly string[]): string[] {
	const tags = themes.filter(() => !random.chance(MISSED_TAG));
	if (random.chance(WRONG_TAG)) tags.push(random.pick(TAGS));
	return [...new Set(tags)];
}

export function generateWorld(options: WorldOptions): World {
	const dataset = generateDemoDataset({
		today: options.today,
		seed: options.seed,
		performances: options.performances,
		...(options.venues === undefined ? {} : { venues: options.venues }),
	});
	const random = createRandom(options.seed);
	const venues = new Map(dataset.venues.map((venue) => [venue.id, venue]));
	const genreCodes = shares(dataset.performances.map((performance) => performance.genre));
	const genreIndex = new Map(genreCodes.map((genre, index) => [genre.code, index]));
	const meanLog =
		dataset.performances.reduce((sum, show) => sum + Math.log(show.popularity), 0) /
		dataset.performances.length;
	const sdLog = Math.sqrt(
		dataset.performances.reduce(
			(sum, show) => sum + (Math.log(show.popularity) - meanLog) ** 2,
			0,
		) / dataset.performances.length,
	);

	const items: CatalogItem[] = [];
	const hidden = new Map<string, HiddenShow>();
	for (const show of dataset.performances) {
		const venue = venues.get(show.venueId);
		const hall = venue?.halls.find((candidate) => candidate.id === show.hallId);
		const genreName = GENRE_LABELS[show.genre];
		const themes = localTags({
			title: show.title,
			genreCode: show.genre,
			genreName,
			synopsis: show.synopsis.trim() === '' ? null : show.synopsis,
			ageMinimum: parseAgeMinimum(show.age),
			runtimeMinutes: parseRuntimeMinutes(show.runtime),
			isChild: show.child,
			isVisiting: show.visit,
			isDaehakro: show.daehakro,
			isFestival: show.festival,
			seats: hall?.seats ?? null,
		});
		const flags = [
			...(show.child ? ['child'] : []),
			...(show.visit ? ['visiting'] : []),
			...(show.daehakro ? ['daehakro'] : []),
			...(show.festival ? ['festival'] : []),
			...(show.musicalLicense ? ['licensed'] : []),
			...(show.musicalCreate ? ['original'] : []),
		];
		items.push({
			id: show.id,
			title: show.title.trim(),
			startDate: show.startDate,
			endDate: show.endDate,
			genreCode: show.genre,
			genreName,
			venueId: show.venueId,
			areaCode: venue?.regionCode ?? null,
			tags: observedTags(random, themes),
			cast: parsePeople(show.cast),
			crew: parsePeople(show.crew),
			producers: producersOf(
				show.producers.production,
				show.producers.planning,
				show.producers.combined,
			),
			flags,
		});
		hidden.set(show.id, {
			themes,
			appeal: (Math.log(show.popularity) - meanLog) / (sdLog || 1),
			genreIndex: genreIndex.get(show.genre) ?? 0,
			work: workOf(show.title),
		});
	}

	const genreThemes = genreCodes.map((genre) =>
		byFrequency(
			items
				.filter((item) => item.genreCode === genre.code)
				.flatMap((item) => hidden.get(item.id)?.themes ?? []),
		).slice(0, 8),
	);
	const castPools = genreCodes.map((genre) =>
		byFrequency(items.filter((item) => item.genreCode === genre.code).flatMap((item) => item.cast)),
	);
	return {
		today: options.today,
		items,
		hidden,
		popularity: boxOffice(random, items, hidden, genreCodes, options.today),
		genres: genreCodes,
		genreThemes,
		castPools,
		regions: shares(items.flatMap((item) => (item.areaCode === null ? [] : [item.areaCode]))),
	};
}

/**
 * Top 50 by appeal (with weekly noise) among shows selling tickets in the week before `today`:
 * KOPIS ranks by booking date, so a show opening within a month can already rank.
 */
function boxOffice(
	random: Random,
	items: readonly CatalogItem[],
	hidden: Map<string, HiddenShow>,
	genres: readonly { code: string }[],
	today: string,
): PopularitySignals {
	const weekStart = addDays(today, -7);
	const selling = addDays(today, 30);
	const playing = items
		.filter((item) => item.startDate <= selling && item.endDate >= weekStart)
		.map((item) => ({ item, sales: (hidden.get(item.id)?.appeal ?? 0) + 0.3 * random.normal() }))
		.sort((a, b) => b.sales - a.sales);
	const overallRanks = new Map(
		playing.slice(0, 50).map((entry, index) => [entry.item.id, index + 1]),
	);
	const genreRanks = new Map<string, number>();
	for (const genre of genres) {
		playing
			.filter((entry) => entry.item.genreCode === genre.code)
			.slice(0, 50)
			.forEach((entry, index) => {
				genreRanks.set(entry.item.id, index + 1);
			});
	}
	return { overallRanks, genreRanks, communityCounts: new Map() };
}
