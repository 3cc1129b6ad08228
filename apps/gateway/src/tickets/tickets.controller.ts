import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TicketView } from '../../../../workflows/definitions';
import { CreateTicketDto } from './create-ticket.dto';
import { TicketsService } from './tickets.service';

@ApiTags('tickets')
@Controller('v1/tickets')
export class TicketsController {
  constructor(private readonly tickets: TicketsService) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ description: 'The ticket workflow started; the body holds its number.' })
  open(@Body() dto: CreateTicketDto): Promise<{ number: string }> {
    return this.tickets.open(dto);
  }

  @Get(':number')
  @ApiOkResponse({ description: 'Phase, severity and timestamps, answered by the ticket workflow.' })
  @ApiNotFoundResponse({ description: 'No such ticket (code TICKET_NOT_FOUND).' })
  view(@Param('number') number: string): Promise<TicketView> {
    return this.tickets.view(number);
  }
}
