/**
 * Offline evaluation of the recommendations (issue 7): generated users with hidden tastes, part of
 * each history held out, and hit rate@10 and nDCG@10 for (a) the original "two shared hashtags"
 * rule, (b) most popular and (c) the engine, in one run. Exits non-zero unless the engine beats
 * both on both metrics for users with a history (the evaluation). A second segment shows
 * the same users with no history and two picked tags: there the engine is the picked tags plus the
 * same prior as (b), and it is reported, not required to win (two tags say little next to sales).
 *
 *   npx -c 'node bench/recommend-quality.bench.ts'          # the reported seed
 *   npx -c 'node bench/recommend-quality.bench.ts 7'        # another world, e.g. for tuning
 */
import { buildCatalogSnapshot } from '../api/recommend/catalog.ts';
import { OPENING_SOON_DAYS, recommend } from '../api/recommend/recommend.ts';
import { addDays } from '../core/calendar.ts';
import { DEFAULT_DEMO_SEED, DEMO_SIZES } from '../demo/dataset/generate.ts';
import {
	evaluate,
	mostPopular,
	originalRule,
	type Recommender,
	type Scores,
} from './recommend/evaluate.ts';
import { communityCounts, generateUsers } from './recommend/users.ts';
import { generateWorld, TAGS } from './recommend/world.ts';

/**
 * The reported world is the demo dataset itself (its default seed and size). The engine's weights
 * were tuned on other seeds (1–5), never on this one.
 */
const REPORTED_SEED = DEFAULT_DEMO_SEED;
const PERFORMANCES = DEMO_SIZES.full.performances;
const USERS = 800;
const K = 10;
const TODAY = '2026-05-01';

const seed = process.argv[2] === undefined ? REPORTED_SEED : Number(process.argv[2]);
const started = performance.now();
const world = generateWorld({ seed, performances: PERFORMANCES, today: TODAY });
const users = generateUsers(world, { seed: seed + 1, count: USERS });
const catalog = buildCatalogSnapshot(
	world.items,
	{ ...world.popularity, communityCounts: communityCounts(users) },
	TAGS,
);
const generatedMs = performance.now() - started;

const ours: Recommender = (snapshot, history, request) =>
	recommend(snapshot, history, request).map((entry) => entry.performanceId);
const methods: [string, Recommender][] = [
	['(a) ≥2 shared hashtags', originalRule],
	['(b) most popular', mostPopular],
	['(c) ours', ours],
];
const segments = [
	{ name: 'with history', cold: false, required: true },
	{ name: 'cold start: 2 picked tags, no history', cold: true, required: false },
];

const fixed = (value: number, digits = 3): string => value.toFixed(digits);
const percent = (ours: number, base: number): string =>
	base === 0
		? 'n/a (baseline 0)'
		: `${ours >= base ? '+' : ''}${(((ours - base) / base) * 100).toFixed(0)}%`;

const currentCount = new Set(
	world.items
		.filter((item) => item.endDate >= TODAY && item.startDate <= addDays(TODAY, OPENING_SOON_DAYS))
		.map((item) => item.id),
).size;
const historySizes = users
	.map((user) => user.history.reviews.length + user.history.favorites.length)
	.sort((a, b) => a - b);
console.log(
	`Offline evaluation, seed ${seed}: ${PERFORMANCES} performances (${currentCount} showing or opening within ${OPENING_SOON_DAYS} days), ` +
		`${USERS} users, median history ${historySizes[Math.floor(historySizes.length / 2)]} shows; generated in ${fixed(generatedMs / 1000, 1)} s`,
);
let failures = 0;
for (const segment of segments) {
	const results = methods.map(([name, recommender]): [string, Scores] => [
		name,
		evaluate(catalog, users, recommender, { today: TODAY, k: K, cold: segment.cold }),
	]);
	console.log(`\n${segment.name} (${results[0]?.[1].users} users with held-out shows they liked)`);
	console.log(`${'method'.padEnd(24)}  HR@10  nDCG@10  mean sim  repeated work  coverage  ms/user`);
	for (const [name, scores] of results) {
		console.log(
			[
				name.padEnd(24),
				fixed(scores.hitRate).padStart(5),
				fixed(scores.ndcg).padStart(7),
				fixed(scores.similarity, 2).padStart(8),
				`${fixed(scores.repeatedWork * 100, 0)}%`.padStart(13),
				`${fixed(scores.coverage * 100, 0)}%`.padStart(8),
				fixed(scores.msPerUser, 2).padStart(7),
			].join('  '),
		);
	}
	const mine = results[2]?.[1] as Scores;
	for (const [name, base] of results.slice(0, 2)) {
		const better = mine.hitRate > base.hitRate && mine.ndcg > base.ndcg;
		if (!better && segment.required) failures += 1;
		console.log(
			`ours vs ${name}: HR@10 ${fixed(mine.hitRate - base.hitRate)} (${percent(mine.hitRate, base.hitRate)}), ` +
				`nDCG@10 ${fixed(mine.ndcg - base.ndcg)} (${percent(mine.ndcg, base.ndcg)})${better ? '' : segment.required ? '  ← NOT BETTER' : '  (not better)'}`,
		);
	}
}
console.log(
	'\nmean sim: mean cosine between two shows of one top ten; repeated work: top tens holding two ' +
		'runs of one production; coverage: distinct shows recommended over all candidates.',
);
console.log(`total ${fixed((performance.now() - started) / 1000, 1)} s`);
if (failures > 0) {
	console.error(`The engine did not beat a baseline in ${failures} comparison(s).`);
	process.exit(1);
}
