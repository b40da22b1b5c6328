/** Liveness for the process manager and the browser tests: the database answers, and how fresh the data is. */
import { createRoute, z } from '@hono/zod-openapi';
import { eq, max } from 'drizzle-orm';
import { ingestRuns } from '../../db/schema/index.ts';
import { ApiError, errorSummary } from '../http/errors.ts';
import { createRouter, errorResponses, jsonResponse } from '../http/openapi.ts';
import type { Services } from '../services.ts';

export const Health = z
	.object({
		status: z.literal('ok'),
		/** When the last successful ingest finished; null before the first one. */
		lastIngestAt: z.string().nullable().openapi({ format: 'date-time' }),
	})
	.openapi('Health');

const health = createRoute({
	method: 'get',
	path: '/health',
	tags: ['health'],
	summary: '서버와 데이터베이스 상태, 마지막 데이터 수집 완료 시각',
	responses: {
		200: jsonResponse(Health, '정상'),
		...errorResponses(503),
	},
});

export function healthRoutes(services: Services) {
	const { db, log } = services;
	return createRouter().openapi(health, async (c) => {
		let finishedAt: Date | null;
		try {
			// One query is both the ping and the answer.
			const rows = await db
				.select({ finishedAt: max(ingestRuns.finishedAt) })
				.from(ingestRuns)
				.where(eq(ingestRuns.status, 'succeeded'));
			finishedAt = rows[0]?.finishedAt ?? null;
		} catch (error) {
			log({ level: 'error', event: 'health_failed', ...errorSummary(error) });
			throw new ApiError(503, 'database_unavailable', '데이터베이스에 연결할 수 없습니다.', {
				headers: { 'Retry-After': '10' },
			});
		}
		return c.json({ status: 'ok' as const, lastIngestAt: finishedAt?.toISOString() ?? null }, 200);
	});
}
