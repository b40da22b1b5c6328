/**
 * What the hashtag step takes and reports: its own module so that the step (tag.ts) and its model
 * half (model-tagging.ts) both use it without importing each other.
 */
export interface HashtagStepOptions {
	/** null (no OPENAI_API_KEY): the local tagger only. */
	openai: { apiKey: string; baseURL?: string; model: string } | null;
	/** HASHTAG_MAX_CALLS: model requests this run may make (SDK retries not counted). */
	maxCalls: number;
	mediaDir: string;
	/** Model requests in flight at once; default 4. */
	concurrency?: number;
	onProgress?: (done: number, total: number) => void;
	onWarning: (message: string) => void;
}

export interface HashtagStepResult {
	/** Performances whose tags were (re)written. */
	tagged: number;
	unchanged: number;
	/** Model requests made. */
	calls: number;
	/** Performances tagged from a stored answer, without a call. */
	cached: number;
	/** Calls that failed or whose answer was rejected, and those skipped after the API refused the key. */
	failed: number;
	/** Performances left for a later run because the call cap was reached. */
	overCap: number;
}
