import { Module } from '@nestjs/common';
import { QueuesController } from '../queues/queues.controller';
import { TicketNumbersService } from './ticket-numbers.service';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

@Module({ controllers: [TicketsController, QueuesController], providers: [TicketsService, TicketNumbersService] })
export class TicketsModule {}
