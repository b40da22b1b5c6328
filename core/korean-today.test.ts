import { expect, test } from 'vitest';
import { koreanToday } from './korean-today.ts';

test('turns the Korean day at 15:00 UTC', () => {
	expect(koreanToday(Date.parse('2026-11-26T14:59:00Z'))).toBe('2026-11-26');
	expect(koreanToday(Date.parse('2026-11-26T14:59:59.999Z'))).toBe('2026-11-26');
	expect(koreanToday(Date.parse('2026-11-26T15:00:00Z'))).toBe('2026-11-27');
	expect(koreanToday(Date.parse('2026-11-26T16:30:00Z'))).toBe('2026-11-27');
});

test('is ahead of UTC across month and year ends', () => {
	expect(koreanToday(Date.parse('2025-12-31T15:00:00Z'))).toBe('2026-01-01');
	expect(koreanToday(Date.parse('2025-12-31T14:59:00Z'))).toBe('2025-12-31');
	expect(koreanToday(Date.parse('2025-04-30T15:00:00Z'))).toBe('2025-05-01');
});

test('reaches leap days in Korea nine hours before UTC does', () => {
	expect(koreanToday(Date.parse('2028-02-28T15:00:00Z'))).toBe('2028-02-29');
	expect(koreanToday(Date.parse('2028-02-29T15:00:00Z'))).toBe('2028-03-01');
	expect(koreanToday(Date.parse('2027-02-28T15:00:00Z'))).toBe('2027-03-01');
});

test('agrees with the Asia/Seoul time zone every 7 hours over two years', () => {
	const seoul = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Seoul' });
	for (let now = Date.UTC(2026, 0, 1); now < Date.UTC(2028, 0, 1); now += 7 * 3_600_000) {
		expect(koreanToday(now)).toBe(seoul.format(new Date(now)));
	}
});
