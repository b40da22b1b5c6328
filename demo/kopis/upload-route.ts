/** `/upload/...`: posters and intro images, including the deliberately bad ones. */
import type { ServerResponse } from 'node:http';
import type { CatalogIndex } from './catalog-index.ts';
import {
	CONTENT_TYPES,
	decompressionBomb,
	HTML_INSTEAD_OF_IMAGE,
	type ImageCache,
	oversizedBody,
	renderDemoImage,
	truncatedJpeg,
} from './posters.ts';

export interface UploadRequest {
	url: URL;
	head: boolean;
	index: CatalogIndex;
	origin: string;
	foreignOrigin: string;
	cache: ImageCache;
}

/** Marks the second hop of a redirect, so the same path then serves the bytes. */
const FOLLOWED = 'followed';
const CHUNK = 64 * 1024;

function sendBody(res: ServerResponse, contentType: string, body: Buffer, head: boolean): void {
	res.writeHead(200, {
		'Content-Type': contentType,
		'Content-Length': body.length,
		'Cache-Control': 'max-age=86400',
	});
	res.end(head ? undefined : body);
}

function redirect(res: ServerResponse, location: string): void {
	res.writeHead(302, { Location: location, 'Content-Length': 0 });
	res.end();
}

/** Streams without a Content-Length, so only counting bytes can stop it. */
async function streamBody(res: ServerResponse, body: Buffer): Promise<void> {
	res.writeHead(200, { 'Content-Type': 'image/jpeg', 'Transfer-Encoding': 'chunked' });
	for (let offset = 0; offset < body.length && !res.destroyed; offset += CHUNK) {
		if (!res.write(body.subarray(offset, offset + CHUNK))) {
			await new Promise<void>((resolve) => {
				const done = () => {
					res.off('drain', done);
					res.off('close', done);
					resolve();
				};
				res.on('drain', done);
				res.on('close', done);
			});
		}
	}
	res.end();
}

export async function serveUpload(res: ServerResponse, request: UploadRequest): Promise<void> {
	const { url, head, index, cache } = request;
	const entry = index.images.get(url.pathname);
	if (entry === undefined) {
		res.writeHead(404, { 'Content-Type': 'text/html;charset=UTF-8' });
		res.end('<html><body><h1>404 Not Found</h1></body></html>');
		return;
	}
	const { image, performanceId } = entry;
	const followed = url.searchParams.has(FOLLOWED);
	if (!followed && (image.redirected || image.fault === 'redirect-foreign')) {
		const base = image.fault === 'redirect-foreign' ? request.foreignOrigin : request.origin;
		redirect(res, `${base}${url.pathname}?${FOLLOWED}=1`);
		return;
	}
	switch (image.fault) {
		case 'truncated':
			sendBody(
				res,
				'image/jpeg',
				await cache.get(url.pathname, () => truncatedJpeg(image, performanceId)),
				head,
			);
			return;
		case 'html':
			sendBody(res, 'image/jpeg', HTML_INSTEAD_OF_IMAGE, head);
			return;
		case 'oversized':
			sendBody(res, 'image/jpeg', await oversizedBody(), head);
			return;
		case 'oversized-chunked':
			if (head) {
				res.writeHead(200, { 'Content-Type': 'image/jpeg' });
				res.end();
			} else {
				await streamBody(res, await oversizedBody());
			}
			return;
		case 'bomb':
			sendBody(res, 'image/png', await decompressionBomb(), head);
			return;
		default:
			sendBody(
				res,
				CONTENT_TYPES[image.format],
				await cache.get(url.pathname, () => renderDemoImage(image, performanceId)),
				head,
			);
	}
}
