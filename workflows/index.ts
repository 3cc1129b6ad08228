export { ticketWorkflow } from './ticket.workflow';
export { customerQueueWorkflow } from './customer-queue.workflow';
