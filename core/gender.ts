/** The genders an account may give (or leave out), as the API takes them and the site shows them. */

export const GENDERS = ['female', 'male', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

export const GENDER_LABELS: Readonly<Record<Gender, string>> = {
	female: '여성',
	male: '남성',
	other: '기타',
};

export const GENDER_MESSAGE = `성별은 ${GENDERS.join(', ')} 중 하나여야 합니다.`;

export function isGender(value: string): value is Gender {
	return (GENDERS as readonly string[]).includes(value);
}
