/**
 * Browser-side: who is signed in, asked once per page and shared by every island
 * (header, favorite button, reviews). Null for visitors and whenever the API is unavailable.
 */
export interface CurrentUser {
	id: string;
	username: string;
	email: string;
}

let request: Promise<CurrentUser | null> | null = null;

export function currentUser(): Promise<CurrentUser | null> {
	request ??= fetch('/api/me', {
		credentials: 'same-origin',
		headers: { accept: 'application/json' },
	})
		.then(async (response) => {
			if (response.status !== 200) {
				// An unread body keeps the request open in the browser (and the page never idle).
				await response.body?.cancel();
				return null;
			}
			const body = (await response.json()) as { user?: CurrentUser };
			return body.user ?? null;
		})
		.catch(() => null);
	return request;
}

/** The login page, coming back here afterwards. */
export function loginUrl(): string {
	return `/account/login/?next=${encodeURIComponent(location.pathname + location.search)}`;
}
