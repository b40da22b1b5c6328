/**
 * An OpenAI-compatible fake on 127.0.0.1 for the SDK's `baseURL`: answers `POST /v1/chat/completions`
 * with whatever the test's responder says, and records every request body.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeReply {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
}

export interface ChatRequest {
	model: string;
	messages: {
		role: string;
		content:
			| string
			| { type: string; text?: string; image_url?: { url: string; detail?: string } }[];
	}[];
	response_format?: {
		type: string;
		json_schema?: { name: string; strict?: boolean; schema: unknown };
	};
}

export interface FakeOpenAI {
	/** `http://127.0.0.1:PORT/v1` */
	baseURL: string;
	requests: ChatRequest[];
	close(): Promise<void>;
}

/** A chat completion whose message content is `{"tags": [...]}`. */
export function tagsReply(tags: readonly string[]): FakeReply {
	return contentReply(JSON.stringify({ tags }));
}

/** A chat completion with any message content, conforming or not. */
export function contentReply(content: string): FakeReply {
	return {
		status: 200,
		body: {
			id: 'chatcmpl-test',
			object: 'chat.completion',
			created: 1_767_225_600,
			model: 'test-model',
			choices: [
				{
					index: 0,
					message: { role: 'assistant', content, refusal: null },
					finish_reason: 'stop',
					logprobs: null,
				},
			],
			usage: { prompt_tokens: 100, completion_tokens: 10, total_tokens: 110 },
		},
	};
}

/**
 * An API error. `retry-after-ms` keeps the SDK's backoff short in tests; the SDK honours it as
 * it would a real server's.
 */
export function errorReply(status: number): FakeReply {
	return {
		status,
		body: { error: { message: `fake error ${status}`, type: 'server_error', code: null } },
		headers: { 'retry-after-ms': '5' },
	};
}

export async function startFakeOpenAI(
	respond: (request: ChatRequest, index: number) => FakeReply,
): Promise<FakeOpenAI> {
	const requests: ChatRequest[] = [];
	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
				response
					.writeHead(404, { 'content-type': 'application/json' })
					.end('{"error":{"message":"not found"}}');
				return;
			}
			const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
			requests.push(body);
			const reply = respond(body, requests.length - 1);
			response
				.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers })
				.end(JSON.stringify(reply.body));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		baseURL: `http://127.0.0.1:${port}/v1`,
		requests,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
