import { Controller, Get, Param } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { SlaClocks } from '@caseflow/sla';
import { Authorize } from '../auth';
import { TicketHistory, type TicketStream } from './ticket-history.service';

/** The read side of tickets: answered from the audit store and its projections, never by the workflow. */
@ApiTags('tickets')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid bearer token (code UNAUTHENTICATED).' })
@ApiForbiddenResponse({ description: 'The role may not do this (code ACTOR_NOT_AUTHORIZED).' })
@Controller('v1/tickets')
export class TicketReadsController {
  constructor(private readonly history: TicketHistory) {}

  @Get(':number/sla')
  @Authorize('ticket.read', { ticketParam: 'number' })
  @ApiOkResponse({
    description:
      "The ticket's SLA clocks as of now, folded from its recorded events (closed tickets too; no worker needed): " +
      "each target's due time, elapsed, remaining, paused time and status; null before identification.",
  })
  @ApiNotFoundResponse({ description: "No such ticket, or another customer's (code TICKET_NOT_FOUND)." })
  clocks(@Param('number') number: string): Promise<SlaClocks | null> {
    return this.history.clocks(number, new Date());
  }

  @Get(':number/events')
  @Authorize('ticket.audit', { ticketParam: 'number' })
  @ApiOkResponse({
    description:
      "The ticket's stream as stored, for audits: every event with its position, global position, prevHash and hash; " +
      'personal fields stay sealed (verify the chain offline, as `npm run audit -- verify` does).',
  })
  @ApiNotFoundResponse({ description: "No such ticket, or another customer's (code TICKET_NOT_FOUND)." })
  events(@Param('number') number: string): Promise<TicketStream> {
    return this.history.stream(number);
  }
}
