/**
 * `<cp-tabs>` (BoxOfficeTabs.astro): ARIA tabs (arrow keys, Home/End) over the box office
 * sections, which stand alone without JavaScript.
 */
class Tabs extends HTMLElement {
	private tabs: HTMLButtonElement[] = [];

	connectedCallback(): void {
		this.tabs = [...this.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
		this.querySelector('[data-tabs-fallback]')?.setAttribute('hidden', '');
		for (const heading of this.querySelectorAll('[data-panel-heading]'))
			heading.classList.add('visually-hidden');
		this.tabs.forEach((tab, index) => {
			tab.addEventListener('click', () => this.select(index));
			tab.addEventListener('keydown', (event) => this.onKey(event, index));
		});
		this.select(0, false);
	}

	private onKey(event: KeyboardEvent, index: number): void {
		const last = this.tabs.length - 1;
		const target =
			event.key === 'ArrowRight'
				? index === last
					? 0
					: index + 1
				: event.key === 'ArrowLeft'
					? index === 0
						? last
						: index - 1
					: event.key === 'Home'
						? 0
						: event.key === 'End'
							? last
							: null;
		if (target === null) return;
		event.preventDefault();
		this.select(target);
	}

	private select(selected: number, focus = true): void {
		this.tabs.forEach((tab, index) => {
			const active = index === selected;
			tab.classList.toggle('active', active);
			tab.setAttribute('aria-selected', String(active));
			tab.tabIndex = active ? 0 : -1;
			const panel = document.getElementById(tab.getAttribute('aria-controls') ?? '');
			if (panel !== null) panel.hidden = !active;
			if (active && focus) tab.focus();
		});
	}
}

customElements.define('cp-tabs', Tabs);
