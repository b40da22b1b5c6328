import { expect, test } from 'vitest';
import { TEST_ARGON2 } from '../testing.ts';
import { ARGON2_PARAMS, createPasswordHasher, HasherBusyError, phcPrefix } from './password.ts';

const REAL_PREFIX = '$argon2id$v=19$m=19456,t=2,p=1$';

test('hashes with argon2id m=19456,t=2,p=1 and verifies only the right password', async () => {
	const hasher = createPasswordHasher();
	const password = '여름밤의 꿈 보러 가요';
	const stored = await hasher.hash(password);
	expect(stored.startsWith(REAL_PREFIX)).toBe(true);
	expect(phcPrefix(ARGON2_PARAMS)).toBe(REAL_PREFIX);
	const [right, wrong, trailingSpace] = await Promise.all([
		hasher.verify(stored, password),
		hasher.verify(stored, '여름밤의 꿈 보러 가요!'),
		hasher.verify(stored, `${password} `),
	]);
	expect([right, wrong, trailingSpace]).toEqual([true, false, false]);
	expect(hasher.needsRehash(stored)).toBe(false);
});

test('salts every hash', async () => {
	const hasher = createPasswordHasher({ params: TEST_ARGON2 });
	const [a, b] = await Promise.all([hasher.hash('same password'), hasher.hash('same password')]);
	expect(a).not.toBe(b);
});

test('verifies unknown accounts against a dummy hash with the real parameters', async () => {
	const hasher = createPasswordHasher();
	expect((await hasher.dummyHash).startsWith(REAL_PREFIX)).toBe(true);
	await expect(hasher.verifyDummy('anything at all')).resolves.toBe(false);
});

test('makes a dummy hash with the configured parameters when they differ', async () => {
	const hasher = createPasswordHasher({ params: TEST_ARGON2 });
	expect((await hasher.dummyHash).startsWith(phcPrefix(TEST_ARGON2))).toBe(true);
});

test('asks for a re-hash when the parameters were raised or the hash is not argon2id', async () => {
	const cheap = await createPasswordHasher({ params: TEST_ARGON2 }).hash('a password here');
	const hasher = createPasswordHasher();
	expect(hasher.needsRehash(cheap)).toBe(true);
	expect(hasher.needsRehash('not a hash')).toBe(true);
	expect(hasher.needsRehash(cheap.replace('argon2id', 'argon2i'))).toBe(true);
});

test('verifies nothing against a stored value that is not a hash', async () => {
	const hasher = createPasswordHasher({ params: TEST_ARGON2 });
	await expect(hasher.verify('', 'password')).resolves.toBe(false);
	await expect(hasher.verify('$argon2id$garbage', 'password')).resolves.toBe(false);
});

test('refuses work beyond the running hashes and the queue instead of piling it up', async () => {
	const hasher = createPasswordHasher({ params: TEST_ARGON2, concurrency: 1, maxQueue: 2 });
	const results = await Promise.allSettled(
		Array.from({ length: 6 }, (_, i) => hasher.hash(`password number ${i}`)),
	);
	const refused = results.filter(
		(result) => result.status === 'rejected' && result.reason instanceof HasherBusyError,
	);
	expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(3);
	expect(refused).toHaveLength(3);
	// The queue drains: later work is accepted again.
	await expect(hasher.hash('after the burst')).resolves.toMatch(/^\$argon2id\$/);
});
