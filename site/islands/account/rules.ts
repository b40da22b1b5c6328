/**
 * What the account forms decide in the browser beyond the field rules (those are
 * core/account-fields.ts, shared with the API): where to go after logging in.
 */

/** A path on this site to return to after logging in; anything else goes to the profile. */
export function safeNextPath(next: string | null): string {
	if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
		return '/account/';
	}
	return next;
}
