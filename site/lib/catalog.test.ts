import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { TestDatabase } from '../../db/testing.ts';
import { DEMO_LANDMARKS } from '../../demo/dataset/generate.ts';
import { type DemoCatalog, ingestDemoCatalog } from '../test/demo-catalog.ts';
import { loadCatalog } from './catalog.ts';
import { indexCatalog } from './catalog-index.ts';
import { performanceDetail } from './performance-detail.ts';

let demo: DemoCatalog;
let TODAY: string;
/** The demo's landmark records (demo/dataset/landmarks.ts), by id. */
let LANDMARKS: DemoCatalog['landmarks'] & typeof DEMO_LANDMARKS;
beforeAll(async () => {
	demo = await ingestDemoCatalog();
	TODAY = demo.today;
	LANDMARKS = { ...DEMO_LANDMARKS, ...demo.landmarks };
});
afterAll(() => demo.destroy());

let database: TestDatabase | null = null;
afterEach(() => {
	database?.destroy();
	database = null;
});

async function seeded(): Promise<TestDatabase> {
	database = await demo.copy();
	return database;
}

test('loads a performance with its people in order, poster first, ratings and venue halls', async () => {
	const { db, client } = await seeded();
	const catalog = await loadCatalog(db, TODAY);
	const listed = await client.execute('SELECT count(*) AS n FROM performances');
	expect(catalog.performances.size).toBe(Number(listed.rows[0]?.n));
	const detail = performanceDetail(catalog, LANDMARKS.manyCast);
	expect(detail?.cast).toHaveLength(40);
	expect(detail?.cast[0]).toMatchObject({
		name: LANDMARKS.castMember,
		path: '/people/%ED%99%8D%EA%B8%B8%EB%8F%99/',
	});
	expect(detail?.venue?.id).toBe(LANDMARKS.venueWithHalls);
	expect(detail?.venue?.halls).toHaveLength(3);
	expect(detail?.summary.region?.name).toBeDefined();
	expect(detail?.searchTerms).toEqual(
		expect.arrayContaining([LANDMARKS.title, LANDMARKS.venueName, LANDMARKS.producer]),
	);
	const images = catalog.images.get(LANDMARKS.manyCast) ?? [];
	expect(images[0]?.kind).toBe('poster');
	expect(performanceDetail(catalog, LANDMARKS.noCast)?.cast).toEqual([]);
	expect(performanceDetail(catalog, 'PF404')).toBeNull();
});

test('sums reviews into the rating summary the page shows', async () => {
	const { db, client } = await seeded();
	const catalog = await loadCatalog(db, TODAY);
	const rows = await client.execute(
		'SELECT performance_id AS id, count(*) AS n, avg(rating_halves) AS halves FROM reviews GROUP BY 1 LIMIT 1',
	);
	const [row] = rows.rows;
	if (row === undefined) throw new Error('the demo audience wrote no reviews');
	const rating = catalog.ratings.get(String(row.id));
	expect(rating?.count).toBe(Number(row.n));
	expect(rating?.average).toBeCloseTo(Number(row.halves) / 2);
	expect(rating?.histogram.reduce((sum, value) => sum + value, 0)).toBe(Number(row.n));
});

test('gives the same detail from a load scoped to one performance and its neighbours', async () => {
	const { db } = await seeded();
	const full = await loadCatalog(db, TODAY);
	const index = indexCatalog(full);
	const row = full.performances.get(LANDMARKS.manyCast);
	if (row === undefined || row.venueId === null) throw new Error('landmark missing');
	const neighbours = new Set([row.id, ...(index.byVenue.get(row.venueId) ?? [])]);
	for (const person of full.people.get(row.id) ?? []) {
		if (person.role === 'cast')
			for (const id of index.byCastName.get(person.name) ?? []) neighbours.add(id);
	}
	const scoped = await loadCatalog(db, TODAY, { performanceIds: [...neighbours] });
	expect(scoped.performances.size).toBeLessThan(full.performances.size);
	expect(performanceDetail(scoped, row.id)).toEqual(performanceDetail(full, row.id));
});

test('lists a person under one page whatever form KOPIS used for the credit', async () => {
	const { db, client } = await seeded();
	await client.execute(
		`INSERT INTO performance_people (performance_id, role, position, name) VALUES ('${LANDMARKS.noCast}', 'crew', 99, '작곡: ${LANDMARKS.castMember}')`,
	);
	const catalog = await loadCatalog(db, TODAY);
	const person = indexCatalog(catalog).people.get(LANDMARKS.castMember);
	expect(person?.roles.get(LANDMARKS.manyCast)).toEqual(new Set(['출연']));
	expect(person?.roles.get(LANDMARKS.noCast)).toEqual(new Set(['작곡']));
});
