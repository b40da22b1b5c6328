/**
 * One zod schema per KOPIS record, applied to the items parse.ts returns. Input keys are KOPIS's
 * element names (so a rejection reason names the element, e.g. `prfnm`); output keys are ours,
 * matching the columns of db/schema where there is one. Values come out trimmed, blanks (single
 * space, empty, missing element) as null, dates as ISO strings, numbers and flags typed.
 *
 * Rule: a missing or unreadable *required* field (id, title, run dates, genre) rejects the record;
 * an unreadable *optional* field (a number, flag or timestamp KOPIS wrote oddly) becomes null, so
 * one odd value never costs a whole performance (fields.ts).
 */
import { z } from 'zod';
import { isoRangeFromKopis } from './dates.ts';
import {
	childrenOf,
	count,
	dateTime,
	decimal,
	emptyToObject,
	flag,
	HALL_ID,
	id,
	optionalId,
	PERFORMANCE_ID,
	requiredCount,
	requiredDate,
	requiredText,
	text,
	VENUE_ID,
	year,
} from './fields.ts';

export const PerformanceListRecord = z
	.object({
		mt20id: id(PERFORMANCE_ID, 'mt20id'),
		prfnm: requiredText,
		prfpdfrom: requiredDate,
		prfpdto: requiredDate,
		fcltynm: requiredText,
		poster: text,
		area: text,
		genrenm: requiredText,
		openrun: flag,
		prfstate: text,
	})
	.transform((r) => ({
		id: r.mt20id,
		title: r.prfnm,
		startDate: r.prfpdfrom,
		endDate: r.prfpdto,
		/** The facility name only (the detail's `fcltynm` is "facility (hall)"). */
		venueName: r.fcltynm,
		posterUrl: r.poster,
		/** Full sido name (`서울특별시`); absent from 2023-era lists. */
		area: r.area,
		/** KOPIS's genre label (`서양음악(클래식)`), not a code. */
		genreName: r.genrenm,
		isOpenRun: r.openrun,
		/** 공연예정 / 공연중 / 공연완료. */
		stateLabel: r.prfstate,
	}));
export type PerformanceListRecord = z.infer<typeof PerformanceListRecord>;

export const BookingLinkRecord = z.preprocess(
	emptyToObject,
	z
		.object({ relatenm: text, relateurl: text })
		.transform((r) => ({ sellerName: r.relatenm, url: r.relateurl })),
);
export type BookingLinkRecord = z.infer<typeof BookingLinkRecord>;

export const PerformanceDetailRecord = z
	.object({
		mt20id: id(PERFORMANCE_ID, 'mt20id'),
		mt10id: optionalId(VENUE_ID),
		mt13id: optionalId(HALL_ID),
		prfnm: requiredText,
		frstregdt: dateTime,
		prfpdfrom: requiredDate,
		prfpdto: requiredDate,
		fcltynm: text,
		prfcast: text,
		prfcrew: text,
		prfruntime: text,
		prfage: text,
		entrpsnm: text,
		entrpsnmP: text,
		entrpsnmA: text,
		entrpsnmH: text,
		entrpsnmS: text,
		pcseguidance: text,
		poster: text,
		sty: text,
		area: text,
		genrenm: requiredText,
		openrun: flag,
		visit: flag,
		child: flag,
		daehakro: flag,
		festival: flag,
		musicallicense: flag,
		musicalcreate: flag,
		updatedate: dateTime,
		prfstate: text,
		dtguidance: text,
		styurls: z
			.preprocess(childrenOf('styurl'), z.array(text))
			.transform((urls) => urls.filter((url) => url !== null)),
		relates: z.preprocess(childrenOf('relate'), z.array(BookingLinkRecord)),
	})
	.transform((r) => ({
		id: r.mt20id,
		/** `mt10id`: the join key to venues (never the name). */
		venueId: r.mt10id,
		/** `mt13id`, in 2026 responses only. */
		hallId: r.mt13id,
		title: r.prfnm,
		/** `frstregdt`, Korea time as written. */
		registeredAt: r.frstregdt,
		startDate: r.prfpdfrom,
		endDate: r.prfpdto,
		/** "facility (hall)", e.g. `예술의전당 [서울] (콘서트홀)`; inner double spaces kept. */
		venueHallText: r.fcltynm,
		castText: r.prfcast,
		crewText: r.prfcrew,
		runtimeText: r.prfruntime,
		ageText: r.prfage,
		/** `entrpsnm`, the combined producer/agency string. */
		producerText: r.entrpsnm,
		productionCompany: r.entrpsnmP,
		planningCompany: r.entrpsnmA,
		host: r.entrpsnmH,
		organizer: r.entrpsnmS,
		priceText: r.pcseguidance,
		posterUrl: r.poster,
		/** `sty`; may be multi-line or HTML (normalize.ts turns it into plain text). */
		synopsis: r.sty,
		area: r.area,
		genreName: r.genrenm,
		isOpenRun: r.openrun,
		isVisiting: r.visit,
		isChild: r.child,
		isDaehakro: r.daehakro,
		isFestival: r.festival,
		isMusicalLicense: r.musicallicense,
		isMusicalCreate: r.musicalcreate,
		/** `updatedate`, Korea time as written, fractions dropped. */
		updatedAt: r.updatedate,
		stateLabel: r.prfstate,
		/** `dtguidance`, e.g. `화요일 ~ 금요일(20:00), HOL(15:00)`. */
		scheduleText: r.dtguidance,
		introImageUrls: r.styurls,
		/** `relates`: blank entries are kept here and dropped by normalize.ts. */
		bookingLinks: r.relates,
	}));
export type PerformanceDetailRecord = z.infer<typeof PerformanceDetailRecord>;

export const VenueListRecord = z
	.object({
		fcltynm: requiredText,
		mt10id: id(VENUE_ID, 'mt10id'),
		mt13cnt: count,
		fcltychartr: text,
		sidonm: text,
		gugunnm: text,
		opende: year,
	})
	.transform((r) => ({
		id: r.mt10id,
		name: r.fcltynm,
		hallCount: r.mt13cnt,
		/** Type label, e.g. `공공(문예회관)`. */
		facilityType: r.fcltychartr,
		/** Short sido label (`서울`); null for overseas venues. */
		sidoName: r.sidonm,
		gugunName: r.gugunnm,
		openingYear: r.opende,
	}));
export type VenueListRecord = z.infer<typeof VenueListRecord>;

export const HallRecord = z.preprocess(
	emptyToObject,
	z
		.object({
			prfplcnm: requiredText,
			mt13id: id(HALL_ID, 'mt13id'),
			seatscale: count,
			stageorchat: flag,
			stagepracat: flag,
			stagedresat: flag,
			stageoutdrat: flag,
			disabledseatscale: count,
			stagearea: text,
		})
		.transform((r) => ({
			id: r.mt13id,
			name: r.prfplcnm,
			seatScale: r.seatscale,
			hasOrchestraPit: r.stageorchat,
			hasRehearsalRoom: r.stagepracat,
			hasDressingRoom: r.stagedresat,
			hasOutdoorStage: r.stageoutdrat,
			wheelchairSeats: r.disabledseatscale,
			/** Free text such as `23.1X18.5X8.5`. */
			stageArea: r.stagearea,
		})),
);
export type HallRecord = z.infer<typeof HallRecord>;

export const VenueDetailRecord = z
	.object({
		fcltynm: requiredText,
		mt10id: id(VENUE_ID, 'mt10id'),
		mt13cnt: count,
		fcltychartr: text,
		opende: year,
		seatscale: count,
		telno: text,
		relateurl: text,
		adres: text,
		la: decimal,
		lo: decimal,
		restaurant: flag,
		cafe: flag,
		store: flag,
		nolibang: flag,
		suyu: flag,
		parkbarrier: flag,
		restbarrier: flag,
		runwbarrier: flag,
		elevbarrier: flag,
		parkinglot: flag,
		mt13s: z.preprocess(childrenOf('mt13'), z.array(HallRecord)),
	})
	.transform((r) => ({
		id: r.mt10id,
		name: r.fcltynm,
		/** As KOPIS states it; may differ from `halls.length`. */
		hallCount: r.mt13cnt,
		facilityType: r.fcltychartr,
		openingYear: r.opende,
		seatScale: r.seatscale,
		phone: r.telno,
		homepage: r.relateurl,
		/** Road address starting with the full sido name. */
		address: r.adres,
		latitude: r.la,
		longitude: r.lo,
		hasRestaurant: r.restaurant,
		hasCafe: r.cafe,
		hasStore: r.store,
		hasKidsRoom: r.nolibang,
		hasNursingRoom: r.suyu,
		hasParking: r.parkinglot,
		barrierFreeParking: r.parkbarrier,
		barrierFreeRestroom: r.restbarrier,
		barrierFreeRamp: r.runwbarrier,
		barrierFreeElevator: r.elevbarrier,
		halls: r.mt13s,
	}));
export type VenueDetailRecord = z.infer<typeof VenueDetailRecord>;

export const BoxOfficeRecord = z
	.object({
		rnum: requiredCount,
		mt20id: id(PERFORMANCE_ID, 'mt20id'),
		prfnm: requiredText,
		cate: text,
		prfpd: text,
		prfdtcnt: count,
		area: text,
		prfplcnm: text,
		seatcnt: count,
		poster: text,
	})
	.transform((r) => {
		const run = isoRangeFromKopis(r.prfpd);
		return {
			rank: r.rnum,
			performanceId: r.mt20id,
			title: r.prfnm,
			/** Genre label (`서양음악(클래식)`; 2022: `클래식`). */
			genreName: r.cate,
			/** `prfpd` `YYYY.MM.DD~YYYY.MM.DD` as two ISO dates. */
			runStart: run.start,
			runEnd: run.end,
			showCount: r.prfdtcnt,
			/** Short sido label (`서울`). */
			areaName: r.area,
			/** "facility hall", sometimes duplicated (`샤롯데씨어터 샤롯데씨어터`). */
			venueHallText: r.prfplcnm,
			/** Seats of the hall; 0 when unknown or outdoors. */
			seatCount: r.seatcnt,
			/** Absolute since 2025; a path relative to www.kopis.or.kr before. */
			posterUrl: r.poster,
		};
	});
export type BoxOfficeRecord = z.infer<typeof BoxOfficeRecord>;
