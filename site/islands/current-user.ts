/**
 * Browser-side: who is signed in, asked once per page and shared by every island
 * (header, favorite button, reviews). Null for visitors and whenever the API is unavailable;
 * null again as soon as any answer says the session ended.
 */
import type { UserBody } from '../../api/accounts/fields.ts';
import { callApi, onSignedOut } from './api-client.ts';

export type CurrentUser = UserBody['user'];

let request: Promise<CurrentUser | null> | null = null;

onSignedOut(() => {
	request = Promise.resolve(null);
});

export function currentUser(): Promise<CurrentUser | null> {
	request ??= callApi<UserBody>('/api/me').then((result) => (result.ok ? result.data.user : null));
	return request;
}

/** The login page, coming back here afterwards. */
export function loginUrl(): string {
	return `/account/login/?next=${encodeURIComponent(location.pathname + location.search)}`;
}

/** Leaves a page that only makes sense signed in, for the login page (no history entry). */
export function replaceWithLogin(): void {
	location.replace(loginUrl());
}
