import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { TicketPage, TicketSummary } from '@caseflow/projections';
import type { SlaClocks } from '@caseflow/sla';
import { Authorize, Caller } from '../auth';
import { filterOf, ListTicketsQuery, pageOf } from './list-tickets.query';
import { STALE_HEADER, TicketReadQuery } from './ticket-read.query';
import { TicketHistory, type TicketStream } from './ticket-history.service';
import {
  listedCustomer,
  TicketReads,
  type Fresh,
  type OpeningTicket,
  type TicketTimeline,
} from './ticket-reads.service';
import { ApiErrors } from '../openapi/api-errors.decorator';

/** The read side of tickets: answered from the audit store and its projections, never by the workflow. */
@ApiTags('tickets')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid bearer token (code UNAUTHENTICATED).' })
@ApiForbiddenResponse({ description: 'The role may not do this (code ACTOR_NOT_AUTHORIZED).' })
@Controller('v1/tickets')
export class TicketReadsController {
  constructor(
    private readonly history: TicketHistory,
    private readonly reads: TicketReads,
  ) {}

  @Get()
  @Authorize('ticket.read', { customerQuery: 'customer' })
  @ApiOkResponse({
    description:
      'Tickets matching every filter given, newest opened first (then number), a page at a time: pass nextCursor ' +
      'back as cursor; null on the last page. A customer contact lists only its own customer, whatever the query.',
  })
  @ApiBadRequestResponse({
    description: 'A bad filter value or an unknown parameter (code VALIDATION_FAILED, the fields).',
  })
  @ApiNotFoundResponse({ description: "A customer outside the caller's scope (code CUSTOMER_NOT_FOUND)." })
  @ApiErrors({ 422: 'cursor is not one this list handed out (code INVALID_CURSOR).' })
  list(@Query() query: ListTicketsQuery, @Caller() caller: Caller): Promise<TicketPage> {
    return this.reads.list(filterOf(query, listedCustomer(caller, query.customer)), pageOf(query));
  }

  @Get(':number')
  @Authorize('ticket.read', { ticketParam: 'number' })
  @ApiOkResponse({
    description:
      'The ticket from the projection (closed tickets and tickets whose workflow is gone too): phase, severity, ' +
      'assignee, SLA status and next deadline as of now, and `version`, its stream position; `{number, phase: ' +
      '"opening"}` before its first event is projected.',
  })
  @ApiNotFoundResponse({ description: "No such ticket, or another customer's (code TICKET_NOT_FOUND)." })
  async view(
    @Param('number') number: string,
    @Query() { minVersion }: TicketReadQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TicketSummary | OpeningTicket> {
    return answer(await this.reads.ticket(number, minVersion), res);
  }

  @Get(':number/timeline')
  @Authorize('ticket.read', { ticketParam: 'number' })
  @ApiOkResponse({
    description:
      "The ticket's timeline: who did what and when. Customer contacts and services see the public entries only; " +
      'staff see internal notes too.',
  })
  @ApiNotFoundResponse({ description: "No such ticket, or another customer's (code TICKET_NOT_FOUND)." })
  async timeline(
    @Param('number') number: string,
    @Query() { minVersion }: TicketReadQuery,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TicketTimeline> {
    return answer(await this.reads.timeline(number, caller, minVersion), res);
  }

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

/** The body, and the stale header when the projection had not reached the asked version in time. */
function answer<T>({ body, stale }: Fresh<T>, res: Response): T {
  if (stale) res.setHeader(STALE_HEADER, `${stale.had}; asked=${stale.asked}`);
  return body;
}
