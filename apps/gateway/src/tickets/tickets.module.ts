import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { QueuesController } from '../queues/queues.controller';
import { TicketNumbersService } from './ticket-numbers.service';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

@Module({
  imports: [CustomersModule],
  controllers: [TicketsController, QueuesController],
  providers: [TicketsService, TicketNumbersService],
})
export class TicketsModule {}
