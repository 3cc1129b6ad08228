export * from '../../support/ticket-fixtures';
