import { Module } from '@nestjs/common';
import { TicketHistory } from './ticket-history.service';
import { TicketReadsController } from './ticket-reads.controller';

@Module({ controllers: [TicketReadsController], providers: [TicketHistory] })
export class ReadsModule {}
