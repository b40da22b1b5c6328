/**
 * A text field's rules as data, so that one definition serves twice: the API builds its zod
 * schemas from it (checks in this order, the messages as given), and the browser checks a form
 * with firstProblem. Both report the first rule a value breaks, so they give the same message.
 */

/** One check, with the Korean message shown beside the field when it fails. */
export type TextRule =
	| { kind: 'minLength'; length: number; message: string }
	| { kind: 'maxLength'; length: number; message: string }
	| { kind: 'pattern'; pattern: RegExp; message: string }
	| { kind: 'check'; test: (value: string) => boolean; message: string };

/** What is done to a value before its rules (and what is stored): zod's trim, toLowerCase, normalize. */
export type TextStep = 'trim' | 'lowercase' | 'nfc';

export interface TextField {
	steps: readonly TextStep[];
	rules: readonly TextRule[];
}

/** The value as the rules see it, after the field's steps in order. */
export function prepareText(field: TextField, value: string): string {
	let prepared = value;
	for (const step of field.steps) {
		if (step === 'trim') prepared = prepared.trim();
		else if (step === 'lowercase') prepared = prepared.toLowerCase();
		else prepared = prepared.normalize('NFC');
	}
	return prepared;
}

/** True when the (prepared) value keeps the rule; lengths count UTF-16 code units, as zod does. */
export function keepsRule(rule: TextRule, value: string): boolean {
	switch (rule.kind) {
		case 'minLength':
			return value.length >= rule.length;
		case 'maxLength':
			return value.length <= rule.length;
		case 'pattern':
			return rule.pattern.test(value);
		case 'check':
			return rule.test(value);
	}
}

/** The message of the first rule the value breaks, or null when it keeps them all. */
export function firstProblem(field: TextField, value: string): string | null {
	const prepared = prepareText(field, value);
	return field.rules.find((rule) => !keepsRule(rule, prepared))?.message ?? null;
}
