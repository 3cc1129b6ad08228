export const DATABASE = Symbol('DATABASE');
/** The PostgreSQL event store on DATABASE: customer streams, written in one transaction with their rows. */
export const DATABASE_EVENT_STORE = Symbol('DATABASE_EVENT_STORE');
/** Where ticket streams go (the database store, or KurrentDB). */
export const EVENT_STORE = Symbol('EVENT_STORE');
