/**
 * DOM building for every island. What comes from the API or the search index goes in through
 * text nodes (append of a string, textContent), never innerHTML: a review or a title is data, so
 * markup or script in it is shown as the characters it is.
 */

export function element<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	className: string,
	...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (className !== '') node.className = className;
	node.append(...children);
	return node;
}

/** Text with its line breaks kept, as <br> elements between text nodes. */
export function multiline(text: string): Node[] {
	return text
		.split(/\r\n|\r|\n/)
		.flatMap((line, index) =>
			index === 0
				? [document.createTextNode(line)]
				: [document.createElement('br'), document.createTextNode(line)],
		);
}
