/**
 * zod string schemas built from core's field rules (core/field-rules.ts): the field's steps, then
 * its rules in core's order and words, so the API and the forms give the same message. Routes add
 * what only the server knows (common passwords) and the OpenAPI metadata on top.
 */
import { z } from '@hono/zod-openapi';
import type { TextField } from '../core/field-rules.ts';

/** `typeError` words a missing or non-string value, which the forms never send. */
export function textSchema(field: TextField, typeError: z.core.$ZodErrorMap) {
	let schema = z.string({ error: typeError });
	for (const step of field.steps) {
		schema =
			step === 'trim'
				? schema.trim()
				: step === 'lowercase'
					? schema.toLowerCase()
					: schema.normalize('NFC');
	}
	for (const rule of field.rules) {
		const error = { error: rule.message };
		switch (rule.kind) {
			case 'minLength':
				schema = schema.min(rule.length, error);
				break;
			case 'maxLength':
				schema = schema.max(rule.length, error);
				break;
			case 'pattern':
				schema = schema.regex(rule.pattern, error);
				break;
			case 'check':
				schema = schema.refine(rule.test, error);
				break;
		}
	}
	return schema;
}
