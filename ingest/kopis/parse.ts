/**
 * KOPIS XML → plain items. Every value stays a string (KOPIS writes `0012` codes and `15,000`
 * seat counts); the zod schemas in records.ts decide what each field means.
 */

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { z } from 'zod';
import { decodeEntities, XML_ENTITIES } from '../../core/html-entities.ts';
import { KopisParseError, KopisResponseError } from './errors.ts';

/** The item element of each root KOPIS sends: services, box office and the two statistics families. */
const ITEM_TAG_BY_ROOT: Readonly<Record<string, string>> = {
	dbs: 'db',
	boxofs: 'boxof',
	prfsts: 'prfst',
	'box-statsofs': 'boxStatsof',
};

/** A single child comes back as one element; these must always be lists. */
const ARRAY_TAGS = new Set(['db', 'boxof', 'prfst', 'boxStatsof', 'styurl', 'relate', 'mt13']);

/** Void HTML elements that may appear unescaped inside a synopsis. */
const HTML_VOID_TAGS = ['br', 'hr', 'img'];

const parser = new XMLParser({
	// Entities are decoded once by decodeXmlEntities: no DOCTYPE expansion, no entity bombs.
	processEntities: false,
	htmlEntities: false,
	parseTagValue: false,
	parseAttributeValue: false,
	ignoreAttributes: true,
	// KOPIS puts stray spaces between elements; blanks (`<sty> </sty>`) become '' and then null.
	trimValues: true,
	ignoreDeclaration: true,
	ignorePiTags: true,
	// A synopsis may carry HTML: keep it as raw text instead of turning its tags into nodes.
	stopNodes: ['*.sty'],
	unpairedTags: HTML_VOID_TAGS,
	isArray: (tagName) => ARRAY_TAGS.has(tagName),
});

export interface RejectedRecord {
	/** Position of the item in the response. */
	index: number;
	id: string | null;
	reason: string;
}

export interface KopisPage<T> {
	records: T[];
	rejected: RejectedRecord[];
}

/**
 * Parses one KOPIS response into its raw items (`db`, `boxof`…), entities decoded. An empty root
 * (`<dbs/>`, `<dbs></dbs>`, whitespace) is `[]`; `returncode` 00/04 ("no data") too. Throws
 * KopisResponseError for any other error envelope, KopisParseError for anything not KOPIS XML.
 */
export function parseKopisXml(xml: string, url: string): Record<string, unknown>[] {
	// KOPIS never sends a DTD; refusing one closes the door on entity tricks entirely.
	if (/<!(?:DOCTYPE|ENTITY)/i.test(xml)) {
		throw new KopisParseError(url, 'DTD or entity declaration in the body');
	}
	const validation = XMLValidator.validate(xml, { unpairedTags: HTML_VOID_TAGS });
	if (validation !== true) {
		const { msg, line, col } = validation.err;
		throw new KopisParseError(url, `${msg} (line ${line}, column ${col})`);
	}
	let document: Record<string, unknown>;
	try {
		document = parser.parse(xml) as Record<string, unknown>;
	} catch (error) {
		throw new KopisParseError(url, error instanceof Error ? error.message : String(error), {
			cause: error,
		});
	}
	const roots = Object.keys(document);
	const root = roots[0];
	if (roots.length !== 1 || root === undefined) {
		throw new KopisParseError(url, `expected one root element, found ${roots.length}`);
	}
	const itemTag = ITEM_TAG_BY_ROOT[root];
	if (itemTag === undefined) {
		throw new KopisParseError(url, `unexpected root <${root.slice(0, 40)}>`);
	}
	const content = document[root];
	if (typeof content === 'string') {
		if (content === '') return [];
		throw new KopisParseError(url, `text directly inside <${root}>`);
	}
	const rawItems = (content as Record<string, unknown>)[itemTag];
	const items = Array.isArray(rawItems) ? rawItems.map(toItem) : [];
	const envelope = items.find((item) => 'returncode' in item);
	if (envelope !== undefined) {
		const code = String(envelope.returncode).trim();
		// 00 is success and 04 "no data": some KOPIS versions answer an empty query that way.
		if (code === '00' || code === '04') return [];
		throw new KopisResponseError(url, code, String(envelope.errmsg ?? '').trim());
	}
	return items;
}

function toItem(value: unknown): Record<string, unknown> {
	if (typeof value === 'string') {
		return value === '' ? {} : { '#text': decodeXmlEntities(value) };
	}
	return decodeTree(value) as Record<string, unknown>;
}

function decodeTree(value: unknown): unknown {
	if (typeof value === 'string') return decodeXmlEntities(value);
	if (Array.isArray(value)) return value.map(decodeTree);
	if (typeof value === 'object' && value !== null) {
		return Object.fromEntries(
			Object.entries(value).map(([key, child]) => [key, decodeTree(child)]),
		);
	}
	return value;
}

/**
 * Double escaping (`&amp;amp;`, `&amp;#39;`) seen in saved KOPIS data: the `&amp;` in front of a
 * reference becomes `&`, so the one decoding pass below decodes such a value once more, and
 * nothing can expand further.
 */
const DOUBLE_ESCAPED = /&amp;(?=(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/g;

/** Decodes the five XML entities and numeric references; unknown or invalid ones stay as written. */
export function decodeXmlEntities(text: string): string {
	if (!text.includes('&')) return text;
	return decodeEntities(text.replace(DOUBLE_ESCAPED, '&'), XML_ENTITIES);
}

/** Validates each item on its own: a bad record is listed in `rejected`, never sinks the page. */
export function validateRecords<T>(
	items: Record<string, unknown>[],
	schema: z.ZodType<T>,
): KopisPage<T> {
	const page: KopisPage<T> = { records: [], rejected: [] };
	for (const [index, item] of items.entries()) {
		const result = schema.safeParse(item);
		if (result.success) page.records.push(result.data);
		else page.rejected.push({ index, id: recordId(item), reason: describeIssues(result.error) });
	}
	return page;
}

/** The KOPIS id of a raw item, when one is readable, so a rejected record can be named. */
export function recordId(item: Record<string, unknown>): string | null {
	for (const key of ['mt20id', 'mt10id', 'mt13id']) {
		const value = item[key];
		if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 40);
	}
	return null;
}

export function describeIssues(error: z.ZodError): string {
	return error.issues
		.map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`)
		.join('; ');
}
