/**
 * Small readers for KOPIS's free-text detail fields: running time (`prfruntime`), minimum age
 * (`prfage`) and name lists (`prfcast`, `prfcrew`). Each returns null / [] when the text says
 * nothing it can read; the raw text is stored beside the result.
 */

/** Remarks in parentheses (`(인터미션 15분 포함)`) never carry the main value. */
function withoutRemarks(text: string): string {
	return text.replace(/\([^()]*\)|\[[^[\]]*\]/g, ' ');
}

/**
 * `1시간 50분` → 110, `2시간` → 120, `165분`, `약 100분`, `1시간 30분 (인터미션 15분 포함)` → 90.
 * A range (`1시간 ~ 1시간 30분`) gives its first value; a bare number is minutes.
 */
export function parseRuntimeMinutes(text: string | null): number | null {
	if (text === null) return null;
	const plain = withoutRemarks(text.normalize('NFKC'));
	const match = /(\d+)\s*시간(?:\s*(\d+)\s*분)?|(\d+)\s*분/.exec(plain);
	let minutes: number;
	if (match !== null) {
		const [, hours, hourMinutes, onlyMinutes] = match;
		minutes =
			hours === undefined
				? Number(onlyMinutes)
				: Number(hours) * 60 + (hourMinutes === undefined ? 0 : Number(hourMinutes));
	} else if (/^\s*\d+\s*$/.test(plain)) {
		minutes = Number(plain);
	} else {
		return null;
	}
	// Nothing runs 0 minutes; a day-long festival is the longest thing KOPIS lists.
	return minutes > 0 && minutes <= 24 * 60 ? minutes : null;
}

/**
 * Minimum age in years: `전체 관람가` → 0, `만 7세 이상` → 7, `8세 이상`, `36개월 이상` → 3,
 * `초등학생 이상` → 8 (the Korean school-starting age), `중학생 이상` → 14, `고등학생 이상` → 17,
 * `청소년 관람불가` → 19. Null when the text says nothing readable.
 */
export function parseAgeMinimum(text: string | null): number | null {
	if (text === null) return null;
	const normalized = text.normalize('NFKC');
	const plain = withoutRemarks(normalized);
	const stated = ageFromNumbers(plain, /(\d+)\s*개월/, /(\d+)\s*세/);
	if (stated !== null) return stated;
	// `전체 관람가 (36개월 이상)`: a remark with a minimum is the real rule.
	const remark = ageFromNumbers(normalized, /(\d+)\s*개월\s*이상/, /(\d+)\s*세\s*이상/);
	if (remark !== null) return remark;
	if (/청소년\s*관람\s*불가|성인/.test(plain)) return 19;
	if (/대학생/.test(plain)) return 20;
	if (/고등학생/.test(plain)) return 17;
	if (/중학생/.test(plain)) return 14;
	if (/초등학생|미취학\s*아동?\s*(?:입장|관람)?\s*불가/.test(plain)) return 8;
	if (/전체|모든\s*연령|누구나|제한\s*없/.test(plain)) return 0;
	return null;
}

function ageFromNumbers(text: string, months: RegExp, years: RegExp): number | null {
	const inMonths = months.exec(text);
	if (inMonths !== null) return Math.floor(Number(inMonths[1]) / 12);
	const inYears = years.exec(text);
	return inYears === null ? null : Number(inYears[1]);
}

/**
 * `김철수, 이영희 등` → ['김철수', '이영희']: split on commas (also full-width ，and 、), trim,
 * drop a trailing `등` ("and others") and `외 N명`, drop blanks and repeats, keep the order.
 */
export function parsePeople(text: string | null): string[] {
	if (text === null) return [];
	const names = new Set<string>();
	for (const part of text.split(/[,，、]/)) {
		const name = part
			.trim()
			.replace(/\s*외\s*\d*\s*명?$/, '')
			.replace(/(?<=\S)\s*등$/, (suffix, offset: number) =>
				// `김등` alone could be a name; only strip when a name of 2+ characters remains.
				offset >= 2 ? '' : suffix,
			)
			.trim();
		if (name !== '' && name !== '등') names.add(name);
	}
	return [...names];
}
