/** The follow-up steps of a run, after the catalogue is written: posters and hashtags. */

import type { IngestSettings } from './env.ts';
import { tagPerformances } from './hashtags/tag.ts';
import { processPendingImages } from './images/process.ts';
import type { IngestStep } from './run.ts';

export function buildFollowUpSteps(
	env: IngestSettings,
	/** Hosts images may be downloaded from: the KOPIS endpoint's (ingest/source.ts). */
	imageHosts: string[],
	enabled: { images: boolean; hashtags: boolean },
): IngestStep[] {
	const steps: IngestStep[] = [];
	if (enabled.images) {
		steps.push({
			name: 'images',
			async run({ db, progress, warn }) {
				const stage = progress.stage('images', null);
				const result = await processPendingImages(db, {
					mediaDir: env.MEDIA_DIR,
					allowedHosts: imageHosts,
					onProgress: (done, total) => stage.update(done, total),
					onWarning: warn,
				});
				stage.done(
					`${result.processed} processed, ${result.reused} reused, ${result.failed} failed`,
				);
				return { ...result };
			},
		});
	}
	if (enabled.hashtags) {
		steps.push({
			name: 'hashtags',
			async run({ db, progress, warn }) {
				const stage = progress.stage('hashtags', null);
				const result = await tagPerformances(db, {
					onProgress: (done, total) => stage.update(done, total),
					openai:
						env.OPENAI_API_KEY === undefined
							? null
							: {
									apiKey: env.OPENAI_API_KEY,
									model: env.OPENAI_MODEL,
									...(env.OPENAI_BASE_URL === undefined ? {} : { baseURL: env.OPENAI_BASE_URL }),
								},
					maxCalls: env.HASHTAG_MAX_CALLS,
					mediaDir: env.MEDIA_DIR,
					onWarning: warn,
				});
				stage.done(`${result.tagged} tagged, ${result.calls} model calls, ${result.cached} cached`);
				return { ...result };
			},
		});
	}
	return steps;
}
