/** Helpers for tests that talk to the demo KOPIS server. */
import { XMLParser } from 'fast-xml-parser';
import { DEMO_SIZES, type DemoDataset, generateDemoDataset } from '../dataset/generate.ts';
import { type KopisServer, type KopisServerOptions, startKopisServer } from './server.ts';

export const DEMO_TEST_TODAY = '2026-11-26';

export function smallDemoDataset(seed?: number): DemoDataset {
	return generateDemoDataset({
		today: DEMO_TEST_TODAY,
		...DEMO_SIZES.small,
		...(seed === undefined ? {} : { seed }),
	});
}

/** A small demo dataset behind its own server; `close()` when done. */
export async function startSmallDemoServer(
	options: Partial<KopisServerOptions> = {},
): Promise<{ dataset: DemoDataset; server: KopisServer }> {
	const dataset = options.dataset ?? smallDemoDataset();
	const server = await startKopisServer({ ...options, dataset });
	return { dataset, server };
}

const parser = new XMLParser({
	ignoreAttributes: true,
	ignoreDeclaration: true,
	parseTagValue: false,
	trimValues: false,
	isArray: (name) => ['db', 'boxof', 'styurl', 'relate', 'mt13'].includes(name),
});

/** A KOPIS document as plain objects (values untrimmed strings). */
export function parseDemoXml(xml: string): Record<string, unknown> {
	return parser.parse(xml) as Record<string, unknown>;
}

const orderParser = new XMLParser({
	ignoreDeclaration: true,
	preserveOrder: true,
	parseTagValue: false,
});

type Ordered = Record<string, unknown>[];

/** Element names under the first `<item>` (and the named nested lists) in document order. */
export function elementOrder(xml: string, item: string): string[] {
	const find = (nodes: Ordered): Ordered | null => {
		for (const node of nodes) {
			for (const [name, children] of Object.entries(node)) {
				if (name === item) return children as Ordered;
				if (Array.isArray(children)) {
					const found = find(children as Ordered);
					if (found !== null) return found;
				}
			}
		}
		return null;
	};
	const children = find(orderParser.parse(xml) as Ordered) ?? [];
	return children.flatMap((node) => Object.keys(node)).filter((name) => name !== '#text');
}
