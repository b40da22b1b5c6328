/**
 * Generated users with hidden tastes — latent preferences over themes, genres, cast and regions
 * plus a taste for what is popular — and histories sampled from them. What a user went to before
 * `today` becomes their reviews (ratings follow how much they liked it); of the current shows they
 * go to, some are already reviewed or favorited and the rest are held out: the ones they rate
 * 3.5 stars or more are what a good recommender should have shown them.
 */
import type { PopularitySignals } from '../../api/recommend/popularity.ts';
import type { UserHistory } from '../../api/recommend/taste.ts';
import { addDays } from '../../core/calendar.ts';
import { createRandom, type Random } from './random.ts';
import { TAGS, type World } from './world.ts';

export interface SimUser {
	id: string;
	/** What the engine sees. */
	history: UserHistory;
	/** Two liked themes: what the user would pick to steer the list. */
	pickedTags: string[];
	/** Held-out current shows the user went on to rate 3.5 stars or more. */
	relevant: Set<string>;
}

export interface UserOptions {
	seed: number;
	count: number;
	/** Median shows per user (log-normal, clamped to [3, 120]). */
	medianShows?: number;
}

/** Days ahead a show may open and still be a candidate (recommend.ts OPENING_SOON_DAYS). */
const WINDOW_DAYS = 60;
/** Softmax temperature of choice: lower means users pick closer to their taste. */
const TEMPERATURE = 0.6;
/** Share of a user's current shows already reviewed or favorited (not held out). */
const SEEN_SHARE = 0.3;
const LIKED_HALVES = 7;

interface Taste {
	/** Per World.genres index. */
	genres: Float64Array;
	/** Per TAGS index. */
	themes: Float64Array;
	/** The liked themes, in the order drawn. */
	liked: string[];
	cast: Map<string, number>;
	/** Per World.regions index. */
	regions: Float64Array;
	popularity: number;
}

const TAG_INDEX = new Map<string, number>(TAGS.map((tag, index) => [tag, index]));

function drawTaste(random: Random, world: World): Taste {
	const genres = new Float64Array(world.genres.length);
	const liked: number[] = [];
	if (random.chance(0.2)) {
		// Omnivores: no strong genre preference.
		for (let index = 0; index < genres.length; index += 1) genres[index] = 0.3 * random.normal();
	} else {
		genres.fill(-0.8);
		const count = random.int(1, 3);
		for (let pick = 0; pick < count; pick += 1) {
			const index = random.weightedIndex(world.genres.map((genre) => genre.share));
			if (!liked.includes(index)) liked.push(index);
		}
		liked.forEach((index, order) => {
			genres[index] = order === 0 ? 1.2 : 0.6;
		});
	}
	const typical = new Set(liked.flatMap((index) => world.genreThemes[index] ?? []));
	const likedThemes = random.weightedSample(
		TAGS,
		TAGS.map((tag) => (typical.has(tag) ? 4 : 1)),
		random.int(3, 5),
	);
	const others = TAGS.filter((tag) => !likedThemes.includes(tag));
	const themes = new Float64Array(TAGS.length);
	for (const tag of likedThemes) themes[TAG_INDEX.get(tag) as number] = 1;
	for (const tag of random.weightedSample(
		others,
		others.map(() => 1),
		2,
	)) {
		themes[TAG_INDEX.get(tag) as number] = -1.2;
	}
	const cast = new Map<string, number>();
	const castGenres =
		liked.length === 0 ? [random.weightedIndex(world.genres.map((genre) => genre.share))] : liked;
	const favourites = random.int(0, 5);
	for (let pick = 0; pick < favourites; pick += 1) {
		const names = world.castPools[random.pick(castGenres)] ?? [];
		const name = names[Math.floor(names.length * random.next() ** 2)];
		if (name !== undefined) cast.set(name, 1.2);
	}
	const home = (
		world.regions[random.weightedIndex(world.regions.map((region) => region.share))] ?? {
			code: '11',
		}
	).code;
	const regions = Float64Array.from(world.regions, ({ code }) =>
		code === home ? 0.8 : code === '11' ? 0.2 : -0.6,
	);
	return {
		genres,
		themes,
		liked: likedThemes,
		cast,
		regions,
		popularity: 0.3 + 0.6 * random.next(),
	};
}

/** The per-show facts a utility needs, as flat arrays: millions of utilities are computed. */
interface ShowFacts {
	genre: Int32Array;
	appeal: Float64Array;
	/** TAGS indexes of each show's true themes. */
	themes: Int32Array[];
	region: Int32Array;
	/** Cast name → the shows (positions in `eligible`) it plays in. */
	castIndex: Map<string, number[]>;
}

function showFacts(world: World, eligible: readonly number[]): ShowFacts {
	const hiddenOf = (index: number) => world.hidden.get(world.items[index]?.id ?? '');
	const regionIndex = new Map(world.regions.map(({ code }, index) => [code, index]));
	const castIndex = new Map<string, number[]>();
	eligible.forEach((index, show) => {
		for (const name of world.items[index]?.cast ?? []) {
			const shows = castIndex.get(name);
			if (shows === undefined) castIndex.set(name, [show]);
			else shows.push(show);
		}
	});
	return {
		genre: Int32Array.from(eligible, (index) => hiddenOf(index)?.genreIndex ?? 0),
		appeal: Float64Array.from(eligible, (index) => hiddenOf(index)?.appeal ?? 0),
		themes: eligible.map((index) =>
			Int32Array.from(hiddenOf(index)?.themes ?? [], (tag) => TAG_INDEX.get(tag) ?? 0),
		),
		region: Int32Array.from(
			eligible,
			(index) => regionIndex.get(world.items[index]?.areaCode ?? '') ?? 0,
		),
		castIndex,
	};
}

/** Every eligible show's utility for one user, noise included, into `values`. */
function utilities(random: Random, facts: ShowFacts, taste: Taste, values: Float64Array): void {
	for (let show = 0; show < values.length; show += 1) {
		const themes = facts.themes[show] as Int32Array;
		let liking = 0;
		for (const theme of themes) liking += taste.themes[theme] as number;
		values[show] =
			(taste.genres[facts.genre[show] as number] as number) +
			(1.2 * liking) / Math.sqrt(Math.max(themes.length, 1)) +
			(taste.regions[facts.region[show] as number] as number) +
			taste.popularity * (facts.appeal[show] as number) +
			0.5 * random.normal();
	}
	for (const [name, affinity] of taste.cast) {
		for (const show of facts.castIndex.get(name) ?? []) {
			values[show] = (values[show] as number) + affinity;
		}
	}
}

export function generateUsers(world: World, options: UserOptions): SimUser[] {
	const random = createRandom(options.seed);
	const horizon = addDays(world.today, WINDOW_DAYS);
	const eligible = world.items.flatMap((item, index) => (item.startDate <= horizon ? [index] : []));
	const facts = showFacts(world, eligible);
	const values = new Float64Array(eligible.length);
	const keys = new Float64Array(eligible.length);
	const users: SimUser[] = [];
	for (let number = 0; number < options.count; number += 1) {
		const taste = drawTaste(random, world);
		const size = Math.round(Math.exp(Math.log(options.medianShows ?? 12) + 0.8 * random.normal()));
		const shows = Math.min(Math.max(size, 3), 120);
		// Gumbel-top-k: a sample without replacement, each show in proportion to exp(utility / T).
		utilities(random, facts, taste, values);
		for (let show = 0; show < eligible.length; show += 1) {
			keys[show] = (values[show] as number) / TEMPERATURE + random.gumbel();
		}
		// Only the top of the order is read: sort the few keys above a cut-off, found by a
		// comparator-free typed-array sort.
		const cut =
			Float64Array.from(keys)
				.sort()
				.at(-Math.min(eligible.length, shows * 3 + 20)) ?? 0;
		const order = Array.from(eligible.keys())
			.filter((show) => (keys[show] as number) >= cut)
			.sort((a, b) => (keys[b] as number) - (keys[a] as number));
		const works = new Set<string>();
		const attended: { index: number; value: number }[] = [];
		for (const show of order) {
			if (attended.length >= shows) break;
			const index = eligible[show] as number;
			const work = world.hidden.get(world.items[index]?.id ?? '')?.work ?? '';
			// One ticket per production: nobody sees every stop of a tour.
			if (works.has(work)) continue;
			works.add(work);
			attended.push({ index, value: values[show] as number });
		}
		const mean = attended.reduce((sum, entry) => sum + entry.value, 0) / attended.length;
		const reviews: { performanceId: string; ratingHalves: number }[] = [];
		const favorites: string[] = [];
		const relevant = new Set<string>();
		for (const entry of attended) {
			const item = world.items[entry.index];
			if (item === undefined) continue;
			const stars = 3.6 + 0.8 * (entry.value - mean) + 0.5 * random.normal();
			const ratingHalves = Math.min(Math.max(Math.round(stars * 2), 1), 10);
			if (item.endDate < world.today) {
				reviews.push({ performanceId: item.id, ratingHalves });
				if (ratingHalves >= 9 && random.chance(0.3)) favorites.push(item.id);
			} else if (random.chance(SEEN_SHARE)) {
				if (item.startDate <= world.today) reviews.push({ performanceId: item.id, ratingHalves });
				else if (ratingHalves >= LIKED_HALVES) favorites.push(item.id);
			} else if (ratingHalves >= LIKED_HALVES) {
				relevant.add(item.id);
			}
		}
		users.push({
			id: `user${number + 1}`,
			history: { reviews, favorites },
			pickedTags: taste.liked.slice(0, 2),
			relevant,
		});
	}
	return users;
}

/** Reviews plus favorites per show across all users: the community half of the prior. */
export function communityCounts(users: readonly SimUser[]): PopularitySignals['communityCounts'] {
	const counts = new Map<string, number>();
	for (const user of users) {
		for (const id of [
			...user.history.reviews.map((review) => review.performanceId),
			...user.history.favorites,
		]) {
			counts.set(id, (counts.get(id) ?? 0) + 1);
		}
	}
	return counts;
}
