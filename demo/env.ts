/**
 * What the demo reads when an entry point chooses it (no KOPIS key): which dataset, and where its
 * KOPIS-compatible server listens. README.md, "Configuration", says what each variable means.
 */
import { z } from 'zod';
import { defineSettings, type Settings } from '../db/settings.ts';
import { DEMO_SIZES, type DemoSize } from './dataset/generate.ts';

export const demoSettings = defineSettings({
	DEMO_SIZE: z.enum(Object.keys(DEMO_SIZES) as [DemoSize, ...DemoSize[]]).default('full'),
	/**
	 * Fixed, because poster URLs carry it: the same URLs every run keep an unchanged demo unchanged
	 * (demo/kopis/server-process.ts). 0, or a taken port, means any free port.
	 */
	DEMO_KOPIS_PORT: z.coerce.number().int().min(0).max(65_535).default(4399),
});
export type DemoSettings = Settings<typeof demoSettings>;
