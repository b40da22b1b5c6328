/**
 * The throttling key for "this client": the TCP peer address, never X-Forwarded-For (anyone can
 * write that header, so trusting it would give each request a fresh budget). IPv6 clients get a
 * whole /64 from their provider, so they are keyed by that prefix.
 */
import type { Context } from 'hono';

interface NodeBindings {
	incoming?: { socket?: { remoteAddress?: string | undefined } };
}

/** The peer address from @hono/node-server's bindings, or `unknown` in process (tests pass one). */
export function peerAddress(c: Context): string {
	return (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress ?? 'unknown';
}

function expandIpv6(address: string): string[] | null {
	const [head = '', tail, extra] = address.split('::');
	if (extra !== undefined) return null;
	const left = head === '' ? [] : head.split(':');
	const right = tail === undefined || tail === '' ? [] : tail.split(':');
	const missing = 8 - left.length - right.length;
	if (tail === undefined ? missing !== 0 : missing < 1) return null;
	return [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right];
}

export function addressKey(address: string): string {
	const withoutZone = address.split('%')[0] ?? address;
	const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(withoutZone);
	if (mapped?.[1] !== undefined) return mapped[1];
	if (!withoutZone.includes(':')) return withoutZone;
	const groups = expandIpv6(withoutZone.toLowerCase());
	if (groups === null) return withoutZone.toLowerCase();
	return `${groups
		.slice(0, 4)
		.map((group) => group.replace(/^0+(?=.)/, ''))
		.join(':')}::/64`;
}
