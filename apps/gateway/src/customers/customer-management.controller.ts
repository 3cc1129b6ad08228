import { Body, Controller, HttpCode, Inject, Param, Patch, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiBody,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  CUSTOMER_DIRECTORY,
  type CustomerDirectory,
  type CustomerPatch,
  type CustomerRecord,
  type RegisterResult,
} from '@caseflow/directory';
import type { CalendarDefinition, SlaPolicy } from '@caseflow/sla';
import { Authorize, Caller } from '../auth';
import { ChangeResultDto } from './change-result.dto';
import { CreateCustomerDto } from './customer-record.dto';
import { ExpectedVersion, setVersionTag } from './if-match';
import { PatchCustomerDto } from './patch-customer.dto';
import { CalendarDto, SlaPolicyDto } from './sla-version.dto';

/** Request bodies as plain JSON: no class instances, no undefined members (null stays: it removes). */
const plain = <T>(dto: object): T => JSON.parse(JSON.stringify(dto)) as T;
const actorOf = (caller: Caller): string => `${caller.role}:${caller.id}`;
const now = (): string => new Date().toISOString();

export const IF_MATCH = ApiHeader({
  name: 'If-Match',
  required: false,
  description: 'The ETag of the customer last read ("<version>"), or *; another version is 409 STORE_CONFLICT',
  schema: { type: 'string', pattern: '^(\\*|(W/)?"?[0-9]{1,9}"?)$' },
});

/**
 * Managers keep the directory: every change one event on `customer-<id>`, appended at the version
 * the caller read (If-Match); policy and calendar versions are added, never changed.
 */
@ApiTags('customers')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid bearer token (code UNAUTHENTICATED).' })
@ApiForbiddenResponse({ description: 'Managers only (code ACTOR_NOT_AUTHORIZED).' })
@ApiBadRequestResponse({ description: 'A field of the wrong shape (code VALIDATION_FAILED, errors per field).' })
@ApiUnprocessableEntityResponse({
  description: 'The record would be invalid (code CUSTOMER_INVALID, errors: field and rule each); nothing written.',
})
@ApiConflictResponse({
  description: 'Changed meanwhile: If-Match names another version, or the id exists (code STORE_CONFLICT).',
})
@Controller('v1/customers')
export class CustomerManagementController {
  constructor(@Inject(CUSTOMER_DIRECTORY) private readonly directory: CustomerDirectory) {}

  @Post()
  @HttpCode(201)
  @Authorize('customer.manage', { customerInBody: 'id' })
  @ApiCreatedResponse({ type: ChangeResultDto, description: 'Registered: one CustomerRegistered event.' })
  @ApiNotFoundResponse({ description: "An id outside a service's customers (code CUSTOMER_NOT_FOUND)." })
  async create(
    @Body() dto: CreateCustomerDto,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RegisterResult> {
    const result = await this.directory.register(plain<CustomerRecord>(dto), actorOf(caller), now(), {
      expectedVersion: 0,
    });
    setVersionTag(response, result.version);
    return result;
  }

  @Patch(':id')
  @Authorize('customer.manage', { customerParam: 'id' })
  @IF_MATCH
  @ApiOkResponse({ type: ChangeResultDto, description: 'One CustomerChanged event naming the fields (none if equal).' })
  @ApiNotFoundResponse({ description: 'No such customer (code CUSTOMER_NOT_FOUND).' })
  // An absent body is the empty patch: nothing changes.
  @ApiBody({ type: PatchCustomerDto, required: false })
  async change(
    @Param('id') id: string,
    @Body() dto: PatchCustomerDto,
    @ExpectedVersion() expectedVersion: number | undefined,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RegisterResult> {
    const result = await this.directory.change(id, plain<CustomerPatch>(dto), actorOf(caller), now(), {
      expectedVersion,
    });
    setVersionTag(response, result.version);
    return result;
  }

  @Post(':id/sla-policies')
  @HttpCode(201)
  @Authorize('customer.manage', { customerParam: 'id' })
  @IF_MATCH
  @ApiCreatedResponse({
    type: ChangeResultDto,
    description: 'One SlaPolicyVersionAdded event; `added` names the new version (PATCH `policy` to use it).',
  })
  @ApiNotFoundResponse({ description: 'No such customer (code CUSTOMER_NOT_FOUND).' })
  async addSlaPolicy(
    @Param('id') id: string,
    @Body() dto: SlaPolicyDto,
    @ExpectedVersion() expectedVersion: number | undefined,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RegisterResult> {
    const policy = plain<Omit<SlaPolicy, 'version'>>(dto);
    const result = await this.directory.addSlaPolicyVersion(id, policy, actorOf(caller), now(), { expectedVersion });
    setVersionTag(response, result.version);
    return result;
  }

  @Post(':id/calendars')
  @HttpCode(201)
  @Authorize('customer.manage', { customerParam: 'id' })
  @IF_MATCH
  @ApiCreatedResponse({
    type: ChangeResultDto,
    description: 'One CalendarVersionAdded event; tickets identified from now on compile the newest version.',
  })
  @ApiNotFoundResponse({ description: 'No such customer (code CUSTOMER_NOT_FOUND).' })
  async addCalendar(
    @Param('id') id: string,
    @Body() dto: CalendarDto,
    @ExpectedVersion() expectedVersion: number | undefined,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RegisterResult> {
    const calendar = plain<Omit<CalendarDefinition, 'version'>>(dto);
    const result = await this.directory.addCalendarVersion(id, calendar, actorOf(caller), now(), { expectedVersion });
    setVersionTag(response, result.version);
    return result;
  }
}
