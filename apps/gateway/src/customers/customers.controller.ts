import { Body, Controller, Get, HttpCode, Inject, Param, Put, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainError } from '@caseflow/domain';
import { CUSTOMER_DIRECTORY, type CustomerDirectory, type RegisterResult } from '@caseflow/directory';
import { inScope } from '@caseflow/identity';
import { Authorize, Caller } from '../auth';
import { AuthorizedPersonDto } from './authorized-person.dto';
import { ChangeResultDto } from './change-result.dto';
import { IF_MATCH } from './customer-management.controller';
import { ExpectedVersion, setVersionTag } from './if-match';
import { toCustomerView, type CustomerView } from './customer-view';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('v1/customers')
export class CustomersController {
  constructor(@Inject(CUSTOMER_DIRECTORY) private readonly directory: CustomerDirectory) {}

  @Get()
  @Authorize('customer.list')
  @ApiOkResponse({ description: 'The customers the caller may see (a contact: its own), by id; licence keys masked.' })
  async list(@Caller() caller: Caller): Promise<CustomerView[]> {
    return (await this.directory.list()).filter((c) => inScope(caller, c.id)).map(toCustomerView);
  }

  @Get(':id')
  @Authorize('customer.read', { customerParam: 'id' })
  @ApiOkResponse({
    description: 'Plan, contracts, licences (keys masked), products, contacts, SLA policy and process options.',
  })
  @ApiNotFoundResponse({ description: 'No such customer, or not the caller’s (code CUSTOMER_NOT_FOUND).' })
  async get(@Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<CustomerView> {
    const found = await this.directory.getVersioned(id);
    if (!found) throw customerNotFound(id);
    // The version a manager sends back in If-Match.
    setVersionTag(response, found.version);
    return toCustomerView(found.record);
  }

  @Put(':id/authorized-person')
  @HttpCode(200)
  @Authorize('customer.authorizedPerson', { customerParam: 'id' })
  @IF_MATCH
  @ApiOkResponse({
    type: ChangeResultDto,
    description:
      '003: the client named a new authorized person. Managers only; one AuthorizedPersonChanged event on customer-<id>.',
  })
  @ApiUnprocessableEntityResponse({ description: 'Not a customer with one authorized person (code CUSTOMER_INVALID).' })
  @ApiConflictResponse({ description: 'If-Match names another version (code STORE_CONFLICT).' })
  @ApiBadRequestResponse({ description: 'A malformed body or If-Match (code VALIDATION_FAILED).' })
  async changeAuthorizedPerson(
    @Param('id') id: string,
    @Body() dto: AuthorizedPersonDto,
    @ExpectedVersion() expectedVersion: number | undefined,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RegisterResult> {
    const result = await this.directory.changeAuthorizedPerson(
      id,
      { email: dto.email, name: dto.name },
      `${caller.role}:${caller.id}`,
      new Date().toISOString(),
      { expectedVersion },
    );
    setVersionTag(response, result.version);
    return result;
  }
}

const customerNotFound = (id: string): DomainError =>
  new DomainError('CUSTOMER_NOT_FOUND', `customer ${id} is not in the directory`, { customerId: id });
