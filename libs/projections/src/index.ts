/**
 * @caseflow/projections — the read side: tables in the application's database kept from the ticket
 * streams by a projector (the store's subscription, from a stored checkpoint), and the
 * TicketReadModel the gateway's read routes ask. See docs/read-model.md.
 */
export * from './read-model';
export * from './schema';
export * from './cursor';
export * from './ticket-fold';
export * from './ticket-row';
export * from './timeline';
export * from './title-words';
export * from './ticket-projector';
export * from './postgres-read-model';
export * from './projector-runner';
export * from './projections.module';
