/**
 * Deterministic randomness for the demo dataset. Generation draws from one seeded faker
 * instance in a fixed order; values that must not depend on generation order (box-office
 * jitter per show and day, image pixels) come from `hashOf`/`unitOf` instead.
 */
import { base, en, Faker, ko } from '@faker-js/faker';

export interface Rng {
	/** The seeded Korean faker (names, streets). */
	faker: Faker;
	int(min: number, max: number): number;
	float(): number;
	chance(probability: number): boolean;
	pick<T>(items: readonly T[]): T;
	weighted<T>(entries: readonly (readonly [T, number])[]): T;
	sample<T>(items: readonly T[], count: number): T[];
}

export function createRng(seed: number): Rng {
	// The Korean locale first, English and base for whatever it lacks.
	const faker = new Faker({ locale: [ko, en, base], seed });
	return {
		faker,
		int: (min, max) => faker.number.int({ min, max }),
		float: () => faker.number.float({ min: 0, max: 1 }),
		chance: (probability) => faker.number.float({ min: 0, max: 1 }) < probability,
		pick: (items) => faker.helpers.arrayElement(items),
		// Zero weights switch an option off; faker insists on positive ones.
		weighted: (entries) =>
			faker.helpers.weightedArrayElement(
				entries.filter(([, weight]) => weight > 0).map(([value, weight]) => ({ value, weight })),
			),
		sample: (items, count) => faker.helpers.arrayElements(items, Math.min(count, items.length)),
	};
}

/** FNV-1a over the key, then a murmur finaliser: a well-spread 32-bit integer. */
export function hashOf(...parts: (string | number)[]): number {
	let hash = 0x811c9dc5;
	for (const part of parts) {
		const text = `${part}\u0000`;
		for (let index = 0; index < text.length; index += 1) {
			hash ^= text.charCodeAt(index);
			hash = Math.imul(hash, 0x01000193);
		}
	}
	hash ^= hash >>> 16;
	hash = Math.imul(hash, 0x85ebca6b);
	hash ^= hash >>> 13;
	hash = Math.imul(hash, 0xc2b2ae35);
	hash ^= hash >>> 16;
	return hash >>> 0;
}

/** A number in [0, 1) fixed by its key. */
export function unitOf(...parts: (string | number)[]): number {
	return hashOf(...parts) / 0x1_0000_0000;
}

/** The item at `index`, which the caller knows exists (noUncheckedIndexedAccess). */
export function itemAt<T>(items: readonly T[], index: number): T {
	const item = items[index];
	if (item === undefined) {
		throw new RangeError(`No item at ${index} of ${items.length}`);
	}
	return item;
}
