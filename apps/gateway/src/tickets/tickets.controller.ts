import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { TicketState } from '@caseflow/domain';
import { Authorize, Caller } from '../auth';
import { TicketCommandDto } from './ticket-command.dto';
import { CreateTicketDto } from './create-ticket.dto';
import { IDEMPOTENCY_KEY_HEADER, keyOf, updateIdOf } from './idempotency-key';
import { TicketsService } from './tickets.service';

@ApiTags('tickets')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid bearer token (code UNAUTHENTICATED).' })
@ApiForbiddenResponse({ description: 'The role may not do this (code ACTOR_NOT_AUTHORIZED).' })
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
  @ApiCreatedResponse({ description: 'The ticket workflow started; the body holds its number.' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retrying with the same key (after a 503 or a lost answer) opens one ticket and answers its number.',
  })
  open(
    @Body() dto: CreateTicketDto,
    @Caller() caller: Caller,
    @Headers(IDEMPOTENCY_KEY_HEADER) idempotencyKey?: string,
  ): Promise<{ number: string }> {
    return this.tickets.open(dto, caller, keyOf(idempotencyKey));
  }

  @Post(':number/commands')
  @HttpCode(200)
  @Authorize('ticket.command', { ticketParam: 'number' })
  @ApiOkResponse({
    description:
      'The command was accepted: one event recorded; the body is the new state, `version` its stream position (for ?minVersion).',
  })
  @ApiUnprocessableEntityResponse({
    description: 'Rejected by the ticket (code COMMAND_REJECTED, with the reason); nothing recorded.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Retrying with the same key (after a 503 or a lost answer) is the same command: recorded once, answered with the state.',
  })
  command(
    @Param('number') number: string,
    @Body() dto: TicketCommandDto,
    @Caller() caller: Caller,
    @Headers(IDEMPOTENCY_KEY_HEADER) idempotencyKey?: string,
  ): Promise<TicketState> {
    return this.tickets.command(number, dto, caller, updateIdOf(idempotencyKey));
  }
}
