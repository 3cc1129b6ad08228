import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { TicketState } from '@caseflow/domain';
import { Authorize, Caller } from '../auth';
import { Idempotency, type IdempotentRequest } from '../idempotency';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { TicketCommandDto } from './ticket-command.dto';
import { CreateTicketDto, TicketCreated } from './create-ticket.dto';
import { TicketsService } from './tickets.service';

const NO_TICKET = "No such ticket, or another customer's (code TICKET_NOT_FOUND).";

@ApiTags('tickets')
@ApiServiceUnavailableResponse({
  description:
    'Temporal (code TEMPORAL_UNAVAILABLE) or the ticket workers (WORKER_UNAVAILABLE) did not answer within the bound; ' +
    'nothing was done; retry after Retry-After seconds.',
})
@Controller('v1/tickets')
export class TicketsController {
  constructor(private readonly tickets: TicketsService) {}

  @Post()
  @HttpCode(201)
  @Authorize('ticket.open', { customerInBody: 'customerId' })
  @ApiCreatedResponse({
    description: 'The ticket workflow started; the body holds its number.',
    type: TicketCreated,
    links: {
      GetTicket: { operationId: 'TicketReadsController_view', parameters: { number: '$response.body#/number' } },
      GetSlaClocks: { operationId: 'TicketReadsController_clocks', parameters: { number: '$response.body#/number' } },
      GetTimeline: { operationId: 'TicketReadsController_timeline', parameters: { number: '$response.body#/number' } },
      GiveCommand: { operationId: 'TicketsController_command', parameters: { number: '$response.body#/number' } },
    },
  })
  @ApiErrors({
    403: 'A customer contact named another requester (code ACTOR_NOT_AUTHORIZED, field requester).',
    404: "No such customer, or not the caller's (code CUSTOMER_NOT_FOUND).",
    422:
      'Staff did not name the requester (code REQUESTER_REQUIRED), or relatedTo names no ticket of the caller ' +
      '(code RELATED_TICKET_NOT_FOUND).',
  })
  open(
    @Body() dto: CreateTicketDto,
    @Caller() caller: Caller,
    @Idempotency() idempotency?: IdempotentRequest,
  ): Promise<TicketCreated> {
    return this.tickets.open(dto, caller, idempotency);
  }

  @Post(':number/commands')
  @HttpCode(200)
  @Authorize('ticket.command', { ticketParam: 'number' })
  @ApiOkResponse({
    description:
      'The command was accepted: one event recorded; the body is the new state, `version` its stream position (for ?minVersion).',
  })
  @ApiErrors({
    404: NO_TICKET,
    422: 'Rejected by the ticket (code COMMAND_REJECTED, with the reason, e.g. not possible in this phase); nothing recorded.',
  })
  command(
    @Param('number') number: string,
    @Body() dto: TicketCommandDto,
    @Caller() caller: Caller,
    @Idempotency() idempotency?: IdempotentRequest,
  ): Promise<TicketState> {
    return this.tickets.command(number, dto, caller, idempotency);
  }
}
