/**
 * Test helpers for the image and hashtag steps: small catalogue factories and a real HTTP image
 * server on 127.0.0.1 serving images generated with sharp (and broken ones on request).
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import type { Database } from '../../db/client.ts';
import { halls, performanceImages, performances, venues } from '../../db/schema/index.ts';

type PerformanceRow = typeof performances.$inferInsert;
type VenueRow = typeof venues.$inferInsert;
type HallRow = typeof halls.$inferInsert;
type ImageRow = typeof performanceImages.$inferInsert;

let sequence = 0;
function nextNumber(): number {
	sequence += 1;
	return sequence;
}

export async function insertVenue(
	db: Database,
	overrides: Partial<VenueRow> = {},
): Promise<VenueRow> {
	const row: VenueRow = {
		id: `FC${String(nextNumber()).padStart(6, '0')}`,
		name: '테스트아트홀',
		contentHash: 'test',
		...overrides,
	};
	await db.insert(venues).values(row);
	return row;
}

export async function insertHall(
	db: Database,
	overrides: Partial<HallRow> & { venueId: string },
): Promise<HallRow> {
	const row: HallRow = { id: `${overrides.venueId}-01`, name: '대공연장', ...overrides };
	await db.insert(halls).values(row);
	return row;
}

export async function insertPerformance(
	db: Database,
	overrides: Partial<PerformanceRow> = {},
): Promise<PerformanceRow> {
	const row: PerformanceRow = {
		id: `PF${String(100000 + nextNumber())}`,
		title: '테스트 공연',
		startDate: '2026-01-01',
		endDate: '2026-12-31',
		state: 'running',
		genreCode: 'AAAA',
		genreName: '연극',
		venueName: '테스트아트홀',
		detailStatus: 'complete',
		contentHash: 'test',
		...overrides,
	};
	await db.insert(performances).values(row);
	return row;
}

export async function insertImage(
	db: Database,
	overrides: Partial<ImageRow> & { performanceId: string; sourceUrl: string },
): Promise<ImageRow> {
	const row: ImageRow = { kind: 'poster', position: 0, status: 'pending', ...overrides };
	await db.insert(performanceImages).values(row);
	return row;
}

export interface GeneratedImage {
	bytes: Buffer;
	contentType: string;
}

/** A poster-like picture (gradient, shapes, noise) so encoders have real work, like the demo's. */
export async function makeImage(
	width: number,
	height: number,
	format: 'jpeg' | 'png' | 'webp' | 'gif' = 'jpeg',
	seed = 1,
): Promise<GeneratedImage> {
	const hue = (seed * 47) % 360;
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="g" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue},60%,25%)"/><stop offset="1" stop-color="hsl(${(hue + 120) % 360},65%,65%)"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/>
<circle cx="${width / 2}" cy="${height / 3}" r="${width / 4}" fill="hsl(${(hue + 200) % 360},70%,55%)" opacity="0.8"/>
<rect x="${width / 10}" y="${(height * 2) / 3}" width="${(width * 8) / 10}" height="${height / 12}" fill="white" opacity="0.85"/>
</svg>`;
	const noise = await sharp({
		create: {
			width,
			height,
			channels: 3,
			background: 'black',
			noise: { type: 'gaussian', mean: 128, sigma: 24 },
		},
	})
		.png()
		.toBuffer();
	const image = sharp(Buffer.from(svg)).composite([{ input: noise, blend: 'soft-light' }]);
	const bytes = await image.toFormat(format, format === 'jpeg' ? { quality: 85 } : {}).toBuffer();
	return { bytes, contentType: `image/${format}` };
}

/**
 * A PNG whose header claims `width`×`height` pixels but carries almost no data: the shape of a
 * decompression bomb, refused from the header by sharp's pixel limit.
 */
export function makeBombPng(width: number, height: number): Buffer {
	const chunk = (type: string, data: Buffer): Buffer => {
		const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
		const crc = Buffer.alloc(4);
		crc.writeUInt32BE(crc32(body));
		const length = Buffer.alloc(4);
		length.writeUInt32BE(data.length);
		return Buffer.concat([length, body, crc]);
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 2, 0, 0, 0], 8);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

export function sha256Hex(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

export type Route = (request: IncomingMessage, response: ServerResponse) => void;

export interface ImageServer {
	/** `http://127.0.0.1:PORT` */
	origin: string;
	/** `127.0.0.1:PORT`, for allowedHosts. */
	host: string;
	/** Paths requested, in order. */
	requests: string[];
	route(path: string, handler: Route): void;
	/** Serves fixed bytes with a content type. */
	serve(path: string, image: GeneratedImage): void;
	close(): Promise<void>;
}

export async function startImageServer(): Promise<ImageServer> {
	const routes = new Map<string, Route>();
	const requests: string[] = [];
	const server = createServer((request, response) => {
		const path = request.url ?? '/';
		requests.push(path);
		const handler = routes.get(path);
		if (handler === undefined) {
			response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>없음</h1>');
			return;
		}
		handler(request, response);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		host: `127.0.0.1:${port}`,
		requests,
		route: (path, handler) => routes.set(path, handler),
		serve(path, image) {
			routes.set(path, (_request, response) => {
				response.writeHead(200, { 'content-type': image.contentType }).end(image.bytes);
			});
		},
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
