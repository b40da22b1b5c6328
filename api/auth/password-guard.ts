/**
 * The checks in front of every argon2 call (sign-up, log-in, password change, account deletion):
 * the account's failure window, then one token from the client address's bucket. A limiter that
 * fails is a refusal (503), never a free pass.
 */
import type { Context } from 'hono';
import { addressKey, peerAddress } from '../http/client-address.ts';
import { ApiError } from '../http/errors.ts';
import type { Logger } from '../http/log.ts';
import type { LoginThrottle, ThrottleDecision } from './throttle.ts';

interface Guards {
	throttle: LoginThrottle;
	log: Logger;
}

type Scope = 'account' | 'address';

function waitText(seconds: number): string {
	return seconds < 60 ? `${seconds}초` : `${Math.ceil(seconds / 60)}분`;
}

function enforce(
	guards: Guards,
	scope: Scope,
	decide: () => ThrottleDecision,
	message: (wait: string) => string,
): void {
	let decision: ThrottleDecision;
	try {
		decision = decide();
	} catch (error) {
		throw new ApiError(
			503,
			'server_busy',
			'요청이 많아 잠시 처리할 수 없습니다. 잠시 후 다시 시도해 주세요.',
			{
				headers: { 'Retry-After': '60' },
				cause: error,
			},
		);
	}
	if (decision.allowed) return;
	const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
	guards.log({ level: 'warn', event: 'throttled', scope, retryAfterSeconds: seconds });
	throw new ApiError(429, 'too_many_attempts', message(waitText(seconds)), {
		headers: { 'Retry-After': String(seconds) },
	});
}

/** Refuses while this account (normalised email) has too many recent failures. */
export function guardAccount(guards: Guards, account: string): void {
	enforce(
		guards,
		'account',
		() => guards.throttle.checkAccount(account),
		(wait) => `로그인 시도가 너무 많습니다. ${wait} 뒤에 다시 시도해 주세요.`,
	);
}

/** Takes one argon2 token for the requesting client, or refuses. */
export function guardAddress(guards: Guards, c: Context): void {
	const key = addressKey(peerAddress(c));
	enforce(
		guards,
		'address',
		() => guards.throttle.takeAddressToken(key),
		(wait) => `요청이 너무 많습니다. ${wait} 뒤에 다시 시도해 주세요.`,
	);
}

/** Counts a wrong password against the account; a failing store refuses the request. */
export function recordFailure(guards: Guards, account: string): void {
	enforce(
		guards,
		'account',
		() => {
			guards.throttle.recordFailure(account);
			return { allowed: true };
		},
		() => '',
	);
}
