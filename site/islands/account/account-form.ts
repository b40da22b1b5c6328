/**
 * `<cp-account-form>`: the island behind every account form. The static HTML is a plain form in
 * a disabled fieldset; this script enables it, checks fields as the API would (rules.ts), sends
 * them as JSON with fetch (same origin, so the browser adds the Origin the API requires), and puts
 * the API's per-field Korean messages next to the fields. Text is only ever set as textContent.
 *
 * Attributes: on the element `data-action`, `data-method`, `data-success` (`next`, `url:/path`,
 * or `message:text`), optional `data-prefill` (GET URL whose `profile` fills the fields) and
 * `data-require-login`; on inputs `data-check` (a rules.ts field), `data-empty` (`omit` or `null`),
 * `data-send="false"` (browser-only), `data-same-as` and `data-required-message`.
 */
import type { ErrorBody } from '../../../api/http/errors.ts';
import { currentUser, loginUrl } from '../current-user.ts';
import { checkField, type FieldName, latestBirthday, safeNextPath } from './rules.ts';

type Control = HTMLInputElement | HTMLSelectElement;

const NETWORK_ERROR = '서버에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.';

function isErrorBody(value: unknown): value is ErrorBody {
	return (
		typeof value === 'object' &&
		value !== null &&
		'error' in value &&
		typeof (value as ErrorBody).error?.message === 'string'
	);
}

class AccountForm extends HTMLElement {
	private form: HTMLFormElement | null = null;

	connectedCallback(): void {
		this.form = this.querySelector('form');
		if (this.form === null) return;
		for (const input of this.querySelectorAll<HTMLInputElement>('input[type="date"]')) {
			input.max = latestBirthday();
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
			location.replace(loginUrl());
			return;
		}
		if (this.dataset.prefill !== undefined && !(await this.prefill(this.dataset.prefill))) return;
		this.querySelector<HTMLFieldSetElement>('fieldset[data-fieldset]')?.removeAttribute('disabled');
	}

	private controls(): Control[] {
		return [...this.querySelectorAll<Control>('input[name], select[name]')];
	}

	private async prefill(url: string): Promise<boolean> {
		const response = await fetch(url, { credentials: 'same-origin' }).catch(() => null);
		if (response?.status === 401) {
			location.replace(loginUrl());
			return false;
		}
		if (response === null || !response.ok) {
			this.showFormError(NETWORK_ERROR);
			return false;
		}
		const { profile } = (await response.json()) as { profile: Record<string, unknown> };
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
		const field = control.dataset.check as FieldName | undefined;
		return field === undefined ? null : checkField(field, value);
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
		try {
			const response = await fetch(this.dataset.action ?? '', {
				method: this.dataset.method ?? 'POST',
				credentials: 'same-origin',
				headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
				body: JSON.stringify(this.payload()),
			});
			if (response.ok) {
				this.succeed();
				return;
			}
			const body: unknown = await response.json().catch(() => null);
			if (!isErrorBody(body)) {
				this.showFormError(NETWORK_ERROR);
				return;
			}
			this.showServerError(body);
		} catch {
			this.showFormError(NETWORK_ERROR);
		} finally {
			fieldset?.removeAttribute('disabled');
		}
	}

	private showServerError(body: ErrorBody): void {
		const fields = body.error.fields ?? {};
		let focused = false;
		for (const control of this.controls()) {
			const message = fields[control.name];
			if (message === undefined) continue;
			this.showError(control, message);
			if (!focused) control.focus();
			focused = true;
		}
		this.showFormError(body.error.message);
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
