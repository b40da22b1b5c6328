/**
 * The controlled hashtag vocabulary. Tags describe mood, style and audience — never the genre,
 * which pages already show. Adding, removing or rewording a tag bumps VOCABULARY_VERSION, which
 * changes every model question's cache key (see openai-tagger.ts), so answers are asked again
 * against the new list; a removed tag's row stays so existing links keep working.
 */
import type { Database } from '../../db/client.ts';
import { hashtags } from '../../db/schema/index.ts';

export const VOCABULARY_VERSION = 1;

/** Each tag with the meaning the model is given (in English: the prompt's language). */
const ENTRIES = [
	// The starting twenty.
	['극적인', 'dramatic: strong conflict, turns of fate'],
	['내한공연', 'a touring production from abroad visiting Korea'],
	['시각예술', 'visually driven: design, projection, media art, striking images'],
	['감동적', 'moving, heart-warming'],
	['라이브음악', 'live music on stage: band, orchestra, singers'],
	['실험적', 'experimental or avant-garde form'],
	['웅장한', 'grand scale: large cast, orchestra, epic sweep'],
	['가족친화적', 'suitable for children and families'],
	['이머시브', 'immersive: the audience moves through or sits inside the action'],
	['화려한', 'spectacular, glamorous staging and costumes'],
	['전통적', 'Korean traditional arts: gugak, pansori, mask dance'],
	['소극장', 'intimate small-theatre production'],
	['트렌디한', 'trendy, contemporary pop culture'],
	['로맨틱', 'romantic, a love story'],
	['창의적', 'original, inventive new work'],
	['코믹한', 'comic, funny'],
	['미스터리', 'mystery, a puzzle or crime to solve'],
	['어두운', 'dark themes: death, revenge, despair'],
	['힐링', 'comforting, restful, healing'],
	['신나는', 'upbeat, exciting, makes you want to move'],
	// Added in version 1 to cover what the twenty missed in the demo and KOPIS samples.
	['대극장', 'large-venue production'],
	['서정적', 'lyrical, poetic, gentle'],
	['몽환적', 'dreamlike, fantastical'],
	['역사적', 'historical setting or true historical events'],
	['사회적', 'socially engaged: labour, discrimination, current issues'],
	['청춘', 'about youth and young adults'],
	['관객참여', 'the audience takes part: singing along, interaction'],
	['긴장감', 'suspenseful, thrilling'],
	['고전명작', 'a classic work: Shakespeare, Chekhov, the classical canon'],
	['축제', 'part of a festival'],
] as const;

export type Hashtag = (typeof ENTRIES)[number][0];

export const HASHTAG_VOCABULARY: readonly Hashtag[] = ENTRIES.map(([name]) => name);

export const HASHTAG_MEANINGS: ReadonlyMap<Hashtag, string> = new Map(ENTRIES);

const names = new Set<string>(HASHTAG_VOCABULARY);
export function isHashtag(name: string): name is Hashtag {
	return names.has(name);
}

/** Inserts the vocabulary's missing tags and returns every tag's id by name. Idempotent. */
export async function seedVocabulary(db: Database): Promise<Map<string, number>> {
	await db
		.insert(hashtags)
		.values(HASHTAG_VOCABULARY.map((name) => ({ name, vocabularyVersion: VOCABULARY_VERSION })))
		.onConflictDoNothing({ target: hashtags.name });
	// Existing rows keep the version that introduced them; new ones get the current version.
	const rows = await db.select({ id: hashtags.id, name: hashtags.name }).from(hashtags);
	return new Map(rows.map((row) => [row.name, row.id]));
}
