/**
 * The offline common-password block (docs/SECURITY.md asks for the top 3,000+): zxcvbn-ts's
 * `passwords-common`, 49k entries from leaked-password frequency lists, all lower case.
 * Built on first use, so importing the API costs nothing until someone signs up.
 */
import { dictionary } from '@zxcvbn-ts/language-common';

let common: Set<string> | null = null;

export function isCommonPassword(password: string): boolean {
	common ??= new Set(dictionary['passwords-common']);
	return common.has(password.toLowerCase());
}
