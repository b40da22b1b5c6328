/** The favorite (찜) calls of the favorite button, over the one API client. */
import type { FavoriteState } from '../../../api/favorites/schemas.ts';
import { type ApiResult, callApi } from '../api-client.ts';

function favoriteUrl(performanceId: string): string {
	return `/api/favorites/${encodeURIComponent(performanceId)}`;
}

export function fetchFavorite(performanceId: string): Promise<ApiResult<FavoriteState>> {
	return callApi(favoriteUrl(performanceId));
}

/** PUT and DELETE are both idempotent, so a double click is harmless. */
export function setFavorite(performanceId: string, favorite: boolean): Promise<ApiResult<unknown>> {
	return callApi(favoriteUrl(performanceId), { method: favorite ? 'PUT' : 'DELETE' });
}
