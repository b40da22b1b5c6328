import { z } from 'zod';

/** The database settings every entry point shares; each entry point's env.ts extends this. */
export const DatabaseEnvSchema = z.object({
	DATABASE_URL: z
		.string()
		.trim()
		.min(1)
		.default('file:data/culturepedia.db')
		.refine((url) => /^(file|libsql|https?|wss?):/.test(url), {
			message: 'must start with file:, libsql:, http(s): or ws(s):',
		}),
	DATABASE_AUTH_TOKEN: z.string().trim().min(1).optional(),
});
export type DatabaseEnv = z.infer<typeof DatabaseEnvSchema>;

/** Formats a zod failure as one line per variable, for start-up messages. */
export function describeEnvError(error: z.ZodError): string {
	return error.issues
		.map((issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`)
		.join('\n');
}

export function loadDatabaseEnv(source: NodeJS.ProcessEnv = process.env): DatabaseEnv {
	return DatabaseEnvSchema.parse(source);
}
