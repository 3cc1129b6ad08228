import { Module } from '@nestjs/common';
import { TicketHistory } from './ticket-history.service';
import { TicketReadsController } from './ticket-reads.controller';
import { TicketReads } from './ticket-reads.service';

@Module({ controllers: [TicketReadsController], providers: [TicketHistory, TicketReads] })
export class ReadsModule {}
