export const DATABASE = Symbol('DATABASE');
/** The PostgreSQL event store on DATABASE: customer streams, written in one transaction with their rows. */
export const DATABASE_EVENT_STORE = Symbol('DATABASE_EVENT_STORE');
/** Where ticket streams go (the database store, or KurrentDB). */
export const EVENT_STORE = Symbol('EVENT_STORE');
/** Per-subject data keys (table subject_keys): erasing one makes the subject's personal data read as `[erased]`. */
export const SUBJECT_KEYS = Symbol('SUBJECT_KEYS');
/** Person (e-mail) → opaque subject id (table data_subjects), beside the keys. */
export const DATA_SUBJECTS = Symbol('DATA_SUBJECTS');
/** The personal-data vault behind claim checks: seals values into references and opens them (libs/persistence/src/personal-references.ts). */
export const PERSONAL_REFERENCES = Symbol('PERSONAL_REFERENCES');
