/**
 * `<cp-profile>` (ProfileView.astro): the 내 프로필 page's account details from GET /api/profile,
 * as text; visitors who are not signed in go to the login page.
 */
import type { ProfileBody } from '../../../api/accounts/profile-data.ts';
import { GENDER_LABELS } from '../../../core/gender.ts';
import { callApi } from '../api-client.ts';
import { replaceWithLogin } from '../current-user.ts';

const DATE = new Intl.DateTimeFormat('ko-KR', { dateStyle: 'long', timeZone: 'Asia/Seoul' });

class Profile extends HTMLElement {
	connectedCallback(): void {
		void this.load();
	}

	private status(text: string): void {
		const status = this.querySelector('[data-status]');
		if (status !== null) status.textContent = text;
	}

	private async load(): Promise<void> {
		const result = await callApi<ProfileBody>('/api/profile');
		if (!result.ok && result.status === 401) {
			replaceWithLogin();
			return;
		}
		if (!result.ok) {
			this.status('내 정보를 불러오지 못했습니다. 잠시 후 다시 시도해 주세요.');
			return;
		}
		this.render(result.data);
	}

	private setField(name: string, text: string): void {
		const element = this.querySelector(`[data-field="${name}"]`);
		if (element !== null) element.textContent = text;
	}

	private render({ profile }: ProfileBody): void {
		this.setField('email', profile.email);
		this.setField('username', profile.username);
		this.setField(
			'gender',
			profile.gender === null ? '입력 안 함' : (GENDER_LABELS[profile.gender] ?? ''),
		);
		this.setField(
			'birthday',
			profile.birthday === null
				? '입력 안 함'
				: DATE.format(new Date(`${profile.birthday}T12:00:00+09:00`)),
		);
		this.setField('createdAt', DATE.format(new Date(profile.createdAt)));
		this.querySelector('[data-status]')?.remove();
		this.querySelector<HTMLElement>('[data-content]')?.removeAttribute('hidden');
	}
}

customElements.define('cp-profile', Profile);
