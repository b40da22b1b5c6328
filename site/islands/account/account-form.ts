/**
 * `<cp-account-form>`: the island behind every account form. The static HTML is a plain form in
 * a disabled fieldset; this script enables it, checks fields as the API would (core/account-fields.ts), sends
 * them as JSON through the API client, and puts the API's per-field Korean messages next to the
 * fields. Text is only ever set as textContent.
 *
 * Attributes: on the element `data-action`, `data-method`, `data-success` (`next`, `url:/path`,
 * or `message:text`), optional `data-prefill` (GET URL whose `profile` fills the fields) and
 * `data-require-login`; on inputs `data-check` (an AccountFieldName), `data-empty` (`omit` or `null`),
 * `data-send="false"` (browser-only), `data-same-as` and `data-required-message`.
 */
import type { ProfileBody } from '../../../api/accounts/profile-data.ts';
import {
	type AccountFieldName,
	checkAccountField,
	latestBirthday,
} from '../../../core/account-fields.ts';
import { type ApiCall, type ApiError, callApi, UNREACHABLE } from '../api-client.ts';
import { currentUser, replaceWithLogin } from '../current-user.ts';
import { safeNextPath } from './rules.ts';

type Control = HTMLInputElement | HTMLSelectElement;
type Method = NonNullable<ApiCall['method']>;

const METHODS: readonly Method[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

class AccountForm extends HTMLElement {
	private form: HTMLFormElement | null = null;

	connectedCallback(): void {
		this.form = this.querySelector('form');
		if (this.form === null) return;
		for (const input of this.querySelectorAll<HTMLInputElement>('input[type="date"]')) {
			input.max = latestBirthday(Date.now());
		}
		this.form.addEventListener('submit', (event) => {
			event.preventDefault();
			void this.submit();
		});
		// Messages appear on submit and then follow the typing. Never on blur: a message that
		// appears as focus leaves a field moves the submit button away from the click.
		for (const control of this.controls()) {
			control.addEventListener('input', () => {
				if (control.getAttribute('aria-invalid') === 'true') {
					this.showError(control, this.check(control));
				}
			});
		}
		void this.start();
	}

	private async start(): Promise<void> {
		if (this.dataset.requireLogin !== undefined && (await currentUser()) === null) {
			replaceWithLogin();
			return;
		}
		if (this.dataset.prefill !== undefined && !(await this.prefill(this.dataset.prefill))) return;
		this.querySelector<HTMLFieldSetElement>('fieldset[data-fieldset]')?.removeAttribute('disabled');
	}

	private controls(): Control[] {
		return [...this.querySelectorAll<Control>('input[name], select[name]')];
	}

	private async prefill(url: string): Promise<boolean> {
		const result = await callApi<ProfileBody>(url);
		if (!result.ok && result.status === 401) {
			replaceWithLogin();
			return false;
		}
		if (!result.ok) {
			this.showFormError(UNREACHABLE);
			return false;
		}
		const profile: Record<string, unknown> = result.data.profile;
		for (const control of this.controls()) {
			const value = profile[control.name];
			if (typeof value === 'string') control.value = value;
		}
		return true;
	}

	/** The browser-side message for one control, or null. */
	private check(control: Control): string | null {
		const value = control.value;
		if (control instanceof HTMLInputElement && control.type === 'checkbox') {
			return control.required && !control.checked
				? (control.dataset.requiredMessage ?? null)
				: null;
		}
		const sameAs = control.dataset.sameAs;
		if (sameAs !== undefined) {
			const other = this.querySelector<HTMLInputElement>(`[name="${sameAs}"]`);
			return other !== null && other.value !== value ? (control.dataset.sameMessage ?? null) : null;
		}
		const field = control.dataset.check as AccountFieldName | undefined;
		return field === undefined ? null : checkAccountField(field, value, Date.now());
	}

	private showError(control: Control, message: string | null): void {
		const feedback = this.querySelector<HTMLElement>(`[data-error-for="${control.name}"]`);
		control.classList.toggle('is-invalid', message !== null);
		if (message === null) control.removeAttribute('aria-invalid');
		else control.setAttribute('aria-invalid', 'true');
		if (feedback !== null) feedback.textContent = message ?? '';
	}

	private showFormError(message: string | null): void {
		const box = this.querySelector<HTMLElement>('[data-form-error]');
		if (box === null) return;
		box.textContent = message ?? '';
		box.hidden = message === null;
	}

	private showSuccess(message: string | null): void {
		const box = this.querySelector<HTMLElement>('[data-form-success]');
		if (box === null) return;
		box.textContent = message ?? '';
		box.hidden = message === null;
	}

	private payload(): Record<string, string | null> {
		const body: Record<string, string | null> = {};
		for (const control of this.controls()) {
			if (control.dataset.send === 'false') continue;
			if (control.value === '' && control.dataset.empty === 'omit') continue;
			body[control.name] =
				control.value === '' && control.dataset.empty === 'null' ? null : control.value;
		}
		return body;
	}

	private async submit(): Promise<void> {
		this.showFormError(null);
		this.showSuccess(null);
		let firstInvalid: Control | null = null;
		for (const control of this.controls()) {
			const message = this.check(control);
			this.showError(control, message);
			if (message !== null) firstInvalid ??= control;
		}
		if (firstInvalid !== null) {
			firstInvalid.focus();
			return;
		}
		const fieldset = this.querySelector<HTMLFieldSetElement>('fieldset[data-fieldset]');
		fieldset?.setAttribute('disabled', '');
		const method = METHODS.find((name) => name === this.dataset.method) ?? 'POST';
		const result = await callApi(this.dataset.action ?? '', { method, json: this.payload() });
		fieldset?.removeAttribute('disabled');
		if (result.ok) {
			this.succeed();
			return;
		}
		// An answer without the API's error body says as little as no answer.
		if (result.error === null) this.showFormError(UNREACHABLE);
		else this.showServerError(result.error);
	}

	private showServerError(error: ApiError): void {
		const fields = error.fields ?? {};
		let focused = false;
		for (const control of this.controls()) {
			const message = fields[control.name];
			if (message === undefined) continue;
			this.showError(control, message);
			if (!focused) control.focus();
			focused = true;
		}
		this.showFormError(error.message);
	}

	private succeed(): void {
		const success = this.dataset.success ?? 'next';
		if (success === 'next') {
			location.assign(safeNextPath(new URLSearchParams(location.search).get('next')));
		} else if (success.startsWith('url:')) {
			location.assign(success.slice('url:'.length));
		} else {
			this.showSuccess(success.replace(/^message:/, ''));
			for (const input of this.querySelectorAll<HTMLInputElement>('input[type="password"]')) {
				input.value = '';
			}
		}
	}
}

if (customElements.get('cp-account-form') === undefined) {
	customElements.define('cp-account-form', AccountForm);
}
