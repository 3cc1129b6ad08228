import { Body, Controller, Get, HttpCode, Inject, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@caseflow/domain';
import { CUSTOMER_DIRECTORY, type CustomerDirectory, type RegisterResult } from '@caseflow/directory';
import { inScope } from '@caseflow/identity';
import { Authorize, Caller } from '../auth';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { AuthorizedPersonDto } from './authorized-person.dto';
import { toCustomerView, type CustomerView } from './customer-view';

@ApiTags('customers')
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
  @ApiErrors({ 404: 'No such customer, or not the caller’s (code CUSTOMER_NOT_FOUND).' })
  async get(@Param('id') id: string): Promise<CustomerView> {
    const record = await this.directory.get(id);
    if (!record) throw customerNotFound(id);
    return toCustomerView(record);
  }

  @Put(':id/authorized-person')
  @HttpCode(200)
  @Authorize('customer.authorizedPerson', { customerParam: 'id' })
  @ApiOkResponse({
    description:
      '003: the client named a new authorized person. Managers only; one AuthorizedPersonChanged event on customer-<id>.',
  })
  @ApiErrors({
    404: 'No such customer, or not the caller’s (code CUSTOMER_NOT_FOUND).',
    409: 'The customer changed meanwhile (code STORE_CONFLICT); read it again and retry.',
    422: 'The customer does not have one authorized person, or the result breaks its rules (code CUSTOMER_INVALID).',
  })
  changeAuthorizedPerson(
    @Param('id') id: string,
    @Body() dto: AuthorizedPersonDto,
    @Caller() caller: Caller,
  ): Promise<RegisterResult> {
    return this.directory.changeAuthorizedPerson(
      id,
      { email: dto.email, name: dto.name },
      `${caller.role}:${caller.id}`,
      new Date().toISOString(),
    );
  }
}

const customerNotFound = (id: string): DomainError =>
  new DomainError('CUSTOMER_NOT_FOUND', `customer ${id} is not in the directory`, { customerId: id });
