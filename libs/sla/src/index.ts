/**
 * Workflow-safe entry: pure operations on compiled calendars, policies, presets and SLA clocks.
 * Compiling a calendar (tzdata, date-holidays) lives in ./compile and runs in an activity.
 */
export * from './errors';
export * from './time/instant';
export * from './calendar';
export * from './policy';
export * from './clock';
export * from './presets';
