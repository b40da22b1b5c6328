import { describe, expect, test } from 'vitest';
import { createPacer } from './pacer.ts';

function fakeClock(): { now: () => number; sleep: (ms: number) => Promise<void>; slept: number[] } {
	let time = 1_000;
	const slept: number[] = [];
	return {
		now: () => time,
		slept,
		sleep: async (ms) => {
			slept.push(ms);
			time += ms;
		},
	};
}

describe('createPacer', () => {
	test('spaces sequential requests by 1/rate seconds', async () => {
		const clock = fakeClock();
		const pacer = createPacer(8, clock.now, clock.sleep);
		for (let i = 0; i < 5; i += 1) await pacer.wait();
		expect(clock.slept).toEqual([125, 125, 125, 125]);
	});

	test('gives concurrent callers distinct, evenly spaced slots', async () => {
		const slept: number[] = [];
		const pacer = createPacer(
			4,
			() => 1_000,
			async (ms) => void slept.push(ms),
		);
		await Promise.all([pacer.wait(), pacer.wait(), pacer.wait(), pacer.wait()]);
		// All four ask at the same instant: they start 0, 250, 500 and 750 ms later.
		expect(slept).toEqual([250, 500, 750]);
	});

	test('does not wait when the caller is already slower than the rate', async () => {
		let time = 0;
		const slept: number[] = [];
		const pacer = createPacer(
			2,
			() => time,
			async (ms) => void slept.push(ms),
		);
		for (let i = 0; i < 3; i += 1) {
			await pacer.wait();
			time += 600;
		}
		expect(slept).toEqual([]);
	});

	test('never waits without a rate', async () => {
		const clock = fakeClock();
		const pacer = createPacer(null, clock.now, clock.sleep);
		await Promise.all(Array.from({ length: 20 }, () => pacer.wait()));
		expect(clock.slept).toEqual([]);
	});
});
