import { expect, test } from 'vitest';
import { GENDER_LABELS, GENDER_MESSAGE, GENDERS, isGender } from './gender.ts';

test('takes the three values exactly, and labels each in Korean', () => {
	expect(GENDERS.filter(isGender)).toEqual(['female', 'male', 'other']);
	for (const value of ['', 'Female', ' male', 'robot']) expect(isGender(value), value).toBe(false);
	expect(GENDERS.map((gender) => GENDER_LABELS[gender])).toEqual(['여성', '남성', '기타']);
	expect(GENDER_MESSAGE).toBe('성별은 female, male, other 중 하나여야 합니다.');
});
