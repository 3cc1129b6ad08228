export * from './calendar-definition';
export * from './compiled-calendar';
export * from './business-calendar';
export * from './business-time';
export { validateCalendarDefinition } from './validate-calendar';
export { fromLocal, toLocal, offsetAt, localDayNumber } from './local-time';
export type { OffsetTable, LocalSeconds } from './local-time';
