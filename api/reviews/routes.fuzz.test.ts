/**
 * Property tests for reviews and favorites (docs/SECURITY.md G1 and G5):
 * - hostile bodies on the review writes: never 5xx, and a refusal changes nothing;
 * - random sequences of creates, edits, deletes and favorite toggles by three users (one of them
 *   anonymous) checked against a model: nobody ever changes another user's review or favorites.
 * API_FUZZ_RUNS raises the counts.
 */
import fc from 'fast-check';
import { afterEach, expect, test } from 'vitest';
import { addPerformance } from '../performances/testing.ts';
import { createTestApp, type SignedUp, signUp, type TestApp } from '../testing.ts';
import { review } from './testing.ts';

const RUNS = Number(process.env.API_FUZZ_RUNS ?? 300);

let current: TestApp | null = null;
afterEach(() => {
	current?.destroy();
	current = null;
});

const anything: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
	value: fc.oneof(
		{ depthSize: 'small' },
		fc.string(),
		fc.constantFrom('', '\u0000', '\uD800', '4', 'NaN', '<script>alert(1)</script>', '2099-01-01'),
		fc.integer(),
		fc.double(),
		fc.constantFrom(0, 0.5, 3.3, 5, 5.5, -0, 1e308),
		fc.boolean(),
		fc.constant(null),
		fc.array(tie('value'), { maxLength: 3 }),
		fc.dictionary(fc.string(), tie('value'), { maxKeys: 3 }),
	),
})).value;

const fields = ['rating', 'title', 'body', 'seenOn', 'hasSpoilers', 'userId', '__proto__', 'id'];

const body = fc.oneof(
	fc.dictionary(fc.constantFrom(...fields), anything, { maxKeys: 5 }).map((v) => JSON.stringify(v)),
	anything.map((value) => JSON.stringify(value) ?? 'null'),
	fc.integer({ min: 1, max: 2000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
	fc.string({ unit: 'binary', maxLength: 200 }),
);

async function snapshot(t: TestApp): Promise<string> {
	const results = await Promise.all(
		['reviews', 'favorites'].map((table) => t.database.client.execute(`SELECT * FROM ${table}`)),
	);
	return JSON.stringify(results.map((result) => result.rows));
}

test(
	`answers ${RUNS} hostile review bodies with 4xx or a valid review, never 5xx`,
	async () => {
		const t = await createTestApp();
		current = t;
		const me = await signUp(t);
		const performanceId = await addPerformance(t.db);
		const editable = await addPerformance(t.db);
		const id = await review(t, me.cookie, editable, { rating: 3 });
		let state = await snapshot(t);
		let refused = 0;
		await fc.assert(
			fc.asyncProperty(fc.boolean(), body, async (create, text) => {
				const res = await t.request(
					create ? 'POST' : 'PATCH',
					create ? `/api/performances/${performanceId}/reviews` : `/api/reviews/${id}`,
					{ body: text, headers: { 'Content-Type': 'application/json' }, cookie: me.cookie },
				);
				expect(res.status).toBeLessThan(500);
				const payload = await res.json();
				if (res.status >= 400) {
					refused += 1;
					expect(payload.error.code).toEqual(expect.any(String));
					expect(await snapshot(t)).toBe(state);
					return;
				}
				expect(Number.isInteger(payload.review.rating * 2)).toBe(true);
				if (create) {
					// Back to one review per run, so the next create is not a conflict.
					const gone = await t.request('DELETE', `/api/reviews/${payload.review.id}`, {
						cookie: me.cookie,
					});
					expect(gone.status).toBe(204);
				}
				state = await snapshot(t);
			}),
			{ numRuns: RUNS },
		);
		expect(refused).toBeGreaterThan(RUNS / 2);
	},
	Math.max(30_000, RUNS * 40),
);

type Actor = 0 | 1 | 2;
type Action =
	| { kind: 'create'; actor: Actor; show: number; rating: number }
	| { kind: 'edit' | 'delete'; actor: Actor; target: number }
	| { kind: 'favorite' | 'unfavorite'; actor: Actor; show: number };

const action: fc.Arbitrary<Action> = fc.oneof(
	fc.record({
		kind: fc.constant('create' as const),
		actor: fc.constantFrom<Actor>(0, 1, 2),
		show: fc.nat(2),
		rating: fc.integer({ min: 1, max: 10 }),
	}),
	fc.record({
		kind: fc.constantFrom('edit' as const, 'delete' as const),
		actor: fc.constantFrom<Actor>(0, 1, 2),
		target: fc.nat(8),
	}),
	fc.record({
		kind: fc.constantFrom('favorite' as const, 'unfavorite' as const),
		actor: fc.constantFrom<Actor>(0, 1, 2),
		show: fc.nat(2),
	}),
);

test(`lets no one touch another user’s reviews or favorites (${Math.ceil(RUNS / 3)} action sequences)`, async () => {
	const t = await createTestApp();
	current = t;
	// Actor 2 is a visitor without a session.
	const members: SignedUp[] = [await signUp(t), await signUp(t)];
	const shows = [
		await addPerformance(t.db),
		await addPerformance(t.db),
		await addPerformance(t.db),
	];
	const cookieOf = (actor: Actor): string | null => members[actor]?.cookie ?? null;

	await fc.assert(
		fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 8 }), async (actions) => {
			await t.database.client.execute('DELETE FROM reviews');
			await t.database.client.execute('DELETE FROM favorites');
			/** Review ids in creation order, with their author and rating (the model). */
			const model = new Map<number, { author: Actor; show: string; halves: number }>();
			const favorites = new Set<string>();
			const created: number[] = [];
			for (const step of actions) {
				const cookie = cookieOf(step.actor);
				if (step.kind === 'create') {
					const show = shows[step.show] ?? '';
					const res = await t.request('POST', `/api/performances/${show}/reviews`, {
						cookie,
						json: { rating: step.rating / 2 },
					});
					const duplicate = [...model.values()].some(
						(r) => r.author === step.actor && r.show === show,
					);
					const expected = cookie === null ? 401 : duplicate ? 409 : 201;
					expect(res.status).toBe(expected);
					if (res.status === 201) {
						const id = (await res.json()).review.id as number;
						created.push(id);
						model.set(id, { author: step.actor, show, halves: step.rating });
					}
				} else if (step.kind === 'edit' || step.kind === 'delete') {
					const id = created[step.target % Math.max(1, created.length)] ?? 999_999;
					const res =
						step.kind === 'edit'
							? await t.request('PATCH', `/api/reviews/${id}`, { cookie, json: { rating: 5 } })
							: await t.request('DELETE', `/api/reviews/${id}`, { cookie });
					const owned = model.get(id);
					if (cookie === null) expect(res.status).toBe(401);
					else if (owned === undefined) expect(res.status).toBe(404);
					else if (owned.author !== step.actor) expect(res.status).toBe(403);
					else if (step.kind === 'edit') {
						expect(res.status).toBe(200);
						model.set(id, { ...owned, halves: 10 });
					} else {
						expect(res.status).toBe(204);
						model.delete(id);
					}
				} else if (step.kind === 'favorite' || step.kind === 'unfavorite') {
					const show = shows[step.show] ?? '';
					const res = await t.request(
						step.kind === 'favorite' ? 'PUT' : 'DELETE',
						`/api/favorites/${show}`,
						{
							cookie,
						},
					);
					expect(res.status).toBe(cookie === null ? 401 : step.kind === 'favorite' ? 200 : 204);
					const key = `${step.actor}:${show}`;
					if (cookie !== null) {
						if (step.kind === 'favorite') favorites.add(key);
						else favorites.delete(key);
					}
				}
			}
			const rows = await t.database.client.execute(
				'SELECT id, user_id, performance_id, rating_halves FROM reviews ORDER BY id',
			);
			expect(
				rows.rows.map((row) => [row.id, row.user_id, row.performance_id, row.rating_halves]),
			).toEqual(
				[...model.entries()]
					.sort(([a], [b]) => a - b)
					.map(([id, r]) => [id, members[r.author]?.userId, r.show, r.halves]),
			);
			const favoriteRows = await t.database.client.execute(
				'SELECT user_id, performance_id FROM favorites',
			);
			expect(
				new Set(
					favoriteRows.rows.map(
						(row) => `${members.findIndex((m) => m.userId === row.user_id)}:${row.performance_id}`,
					),
				),
			).toEqual(favorites);
		}),
		{ numRuns: Math.ceil(RUNS / 3) },
	);
}, 120_000);
