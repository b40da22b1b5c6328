/**
 * Only for site/test/factory.ts, which another branch replaces (issue 12): the rules live in core/
 * (calendar.ts, performance-state.ts). Delete this file once the factory imports them from there.
 */
export { addDays, weekendOf } from '../../core/calendar.ts';
export { stateOn } from '../../core/performance-state.ts';
