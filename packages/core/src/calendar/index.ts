/**
 * `@jianguan/core/calendar` — China's official working-day calendar (工作日历).
 *
 * @packageDocumentation
 */
export {};
