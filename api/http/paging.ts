/**
 * Paged lists (reviews, favorites, viewing history) share one query shape, one defaults rule and
 * one `paging` answer, so a list page means the same everywhere.
 */
import { z } from '@hono/zod-openapi';

/** The island asks for 10; the benchmark and API users may ask for up to 50. */
export const PER_PAGE_DEFAULT = 10;
export const PER_PAGE_MAX = 50;

/** Digits only: `1e3`, ` 2` and `0x10` are refused rather than coerced into something else. */
function positiveInteger(label: string, max: number) {
	return z
		.string()
		.regex(/^[1-9]\d{0,5}$/, { error: `${label}는 1 이상의 정수여야 합니다.` })
		.transform(Number)
		.refine((value) => value <= max, { error: `${label}는 ${max} 이하여야 합니다.` });
}

export const PageQuery = z.object({
	page: positiveInteger('페이지', 100_000)
		.optional()
		.openapi({ param: { name: 'page', in: 'query' }, example: '1' }),
	perPage: positiveInteger('페이지 크기', PER_PAGE_MAX)
		.optional()
		.openapi({ param: { name: 'perPage', in: 'query' }, example: String(PER_PAGE_DEFAULT) }),
});

export const Paging = z
	.object({
		page: z.number().int(),
		perPage: z.number().int(),
		total: z.number().int(),
		pages: z.number().int(),
	})
	.openapi('Paging');
export type Paging = z.infer<typeof Paging>;

export interface RequestedPage {
	page: number;
	perPage: number;
	/** Rows before the page. */
	offset: number;
}

/** The page a validated `PageQuery` asks for, defaults filled in. */
export function requestedPage(query: z.output<typeof PageQuery>): RequestedPage {
	const page = query.page ?? 1;
	const perPage = query.perPage ?? PER_PAGE_DEFAULT;
	return { page, perPage, offset: (page - 1) * perPage };
}

export function paging(page: number, perPage: number, total: number): Paging {
	return { page, perPage, total, pages: Math.ceil(total / perPage) };
}
