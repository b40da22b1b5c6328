/**
 * `pcseguidance` → price tiers. KOPIS's price text is free-form: `R석 99,000원, S석 77,000원`,
 * `전석 30,000원`, `무료`, `1층 R석 8만원`, full-width characters, remarks in parentheses. We read
 * what is unambiguous and return [] for the rest; the raw text is always stored beside it.
 */
import type { PriceTier } from '../../db/schema/catalog.ts';

export type { PriceTier };

/**
 * An amount: `99,000원`, `30000원`, `8만원`, `8만 5천원`, `5천원`, `무료`, or a thousands-grouped
 * number without 원 (`99,000`). A bare number (`1층`, `20%`) is never an amount.
 */
const AMOUNT =
	/무료|(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(?:만\s*(?:(?:\d{1,3}(?:,\d{3})+|\d+)\s*천?\s*)?원?|천\s*원|원)|\d{1,3}(?:,\d{3})+(?!\d|[.,]\d|\s*[명매개회석%])/g;

/** Characters that separate tiers; the label of an amount is what follows the last of them. */
const SEPARATOR = /[,/|;·\n]/;

/** Amounts above this are not ticket prices (a year, a phone number read as digits). */
const MAX_PRICE = 10_000_000;

/** An amount with no label before it (`30,000원`, `무료`) is the price for every seat. */
const ALL_SEATS = '전석';

export function parsePriceTiers(text: string | null): PriceTier[] {
	if (text === null) return [];
	// NFKC folds full-width digits, commas and ＋ into ASCII. Tags (`<br>`) separate tiers like line
	// breaks. Parenthesised remarks go: they hold fees and discounts (`(예매수수료 1,000원 별도)`).
	let plain = text.normalize('NFKC').replace(/<[^<>]*>/g, '\n');
	for (let pass = 0; pass < 2; pass += 1) {
		plain = plain.replace(/\([^()]*\)|\[[^[\]]*\]/g, ' ');
	}
	plain = plain.replace(/[^\S\n]+/g, ' ');
	const tiers: PriceTier[] = [];
	let labelStart = 0;
	for (const match of plain.matchAll(AMOUNT)) {
		const price = wonValue(match[0]);
		const label = tierLabel(plain.slice(labelStart, match.index));
		labelStart = match.index + match[0].length;
		if (price === null) continue;
		tiers.push({ seat: label, price });
	}
	const seen = new Set<string>();
	return tiers
		.map((tier) => (tier.seat === '' ? { ...tier, seat: ALL_SEATS } : tier))
		.filter((tier) => {
			const key = `${tier.seat}\u0000${tier.price}`;
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		});
}

function tierLabel(between: string): string {
	const parts = between.split(SEPARATOR);
	const last = parts[parts.length - 1] ?? '';
	return last
		.replace(/^[\s+\-:=~·]+|[\s+\-:=~·]+$/g, '')
		.replace(/\s*:\s*$/, '')
		.slice(0, 40);
}

/** `99,000원` → 99000, `8만원` → 80000, `8만 5천원` → 85000, `5천원` → 5000, `무료` → 0. */
function wonValue(amount: string): number | null {
	if (amount === '무료') return 0;
	const digits = amount.replace(/[\s,원]/g, '');
	let value: number;
	const manwon = /^(\d+(?:\.\d+)?)만(?:(\d+)(천)?)?$/.exec(digits);
	const cheonwon = /^(\d+)천$/.exec(digits);
	if (manwon !== null) {
		const [, man = '0', rest, cheon] = manwon;
		value = Number(man) * 10_000 + (rest === undefined ? 0 : Number(rest) * (cheon ? 1_000 : 1));
	} else if (cheonwon !== null) {
		value = Number(cheonwon[1]) * 1_000;
	} else if (/^\d+$/.test(digits)) {
		value = Number(digits);
	} else {
		return null;
	}
	value = Math.round(value);
	return value <= MAX_PRICE ? value : null;
}
