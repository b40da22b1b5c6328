import { expect, test } from 'vitest';
import {
	PERFORMANCE_STATES,
	type PerformanceState,
	STATE_CODES,
	STATE_LABELS,
	stateFromCode,
	stateFromLabel,
	stateOn,
} from './performance-state.ts';
import { kopisReferenceSection } from './testing.ts';

test('derives the state from the dates', () => {
	expect(stateOn('2026-12-01', '2026-12-31', '2026-11-26')).toBe('upcoming');
	expect(stateOn('2026-11-26', '2026-11-26', '2026-11-26')).toBe('running');
	expect(stateOn('2026-01-01', '2026-11-25', '2026-11-26')).toBe('finished');
});

test('is upcoming before the first day and running from it', () => {
	expect(stateOn('2026-12-01', '2026-12-31', '2026-11-30')).toBe('upcoming');
	expect(stateOn('2026-12-01', '2026-12-31', '2026-12-01')).toBe('running');
});

test('is running on the last day and finished after it', () => {
	expect(stateOn('2026-01-01', '2026-11-26', '2026-11-26')).toBe('running');
	expect(stateOn('2026-01-01', '2026-11-26', '2026-11-27')).toBe('finished');
});

test('a one-day show runs on its day only', () => {
	expect(stateOn('2026-11-26', '2026-11-26', '2026-11-25')).toBe('upcoming');
	expect(stateOn('2026-11-26', '2026-11-26', '2026-11-26')).toBe('running');
	expect(stateOn('2026-11-26', '2026-11-26', '2026-11-27')).toBe('finished');
});

test('compares across month, year and leap-day boundaries', () => {
	expect(stateOn('2027-01-01', '2027-01-31', '2026-12-31')).toBe('upcoming');
	expect(stateOn('2028-02-01', '2028-02-29', '2028-02-29')).toBe('running');
	expect(stateOn('2028-02-01', '2028-02-29', '2028-03-01')).toBe('finished');
});

test('reads KOPIS labels, spaces and all, and nothing else', () => {
	for (const state of PERFORMANCE_STATES) expect(stateFromLabel(STATE_LABELS[state])).toBe(state);
	expect(stateFromLabel('공연 중')).toBe('running');
	expect(stateFromLabel(' 공연완료 ')).toBe('finished');
	expect(stateFromLabel('공연취소')).toBeNull();
	expect(stateFromLabel('')).toBeNull();
});

test('reads the request codes and labels of the reference table (docs/kopis/API.md §7.3)', () => {
	const rows = [
		...kopisReferenceSection('7.3').matchAll(/^\| `(\d{2})` +\| (\S+) \((\w+)\) +\|$/gm),
	];
	expect(rows).toHaveLength(PERFORMANCE_STATES.length);
	for (const [, code = '', label = '', state = ''] of rows) {
		expect(stateFromCode(code)).toBe(state);
		expect(STATE_CODES[state as PerformanceState]).toBe(code);
		expect(STATE_LABELS[state as PerformanceState]).toBe(label);
	}
});

test.each(['', '1', '00', '04', ' 01', 'upcoming', '공연예정'])('%j is no request code', (code) => {
	expect(stateFromCode(code)).toBeNull();
});
