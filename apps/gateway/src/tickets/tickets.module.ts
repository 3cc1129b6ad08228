import { Module } from '@nestjs/common';
import { TicketNumbersService } from './ticket-numbers.service';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

@Module({ controllers: [TicketsController], providers: [TicketsService, TicketNumbersService] })
export class TicketsModule {}
