/**
 * A performance named by its KOPIS id in the path (`/performances/{id}/reviews`,
 * `/favorites/{id}`) and the 404 when there is none, shared by the reviews and favorites routes.
 */
import { z } from '@hono/zod-openapi';
import { ApiError, ErrorBody } from '../http/errors.ts';
import { jsonResponse } from '../http/openapi.ts';

export const PerformanceParam = z.object({
	id: z
		.string()
		.max(40)
		.openapi({ param: { name: 'id', in: 'path' }, example: 'PF273608' }),
});

/** The documented 404 of routes under a performance or a review id. */
export const NOT_FOUND_RESPONSE = jsonResponse(ErrorBody, '공연 또는 후기가 없음 (`not_found`)');

export function performanceNotFound(): ApiError {
	return new ApiError(404, 'not_found', '공연을 찾을 수 없습니다.');
}
