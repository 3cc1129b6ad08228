import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@caseflow/domain';
import { CUSTOMER_DIRECTORY, type CustomerDirectory } from '@caseflow/directory';
import { toCustomerView, type CustomerView } from './customer-view';

@ApiTags('customers')
@Controller('v1/customers')
export class CustomersController {
  constructor(@Inject(CUSTOMER_DIRECTORY) private readonly directory: CustomerDirectory) {}

  @Get()
  @ApiOkResponse({ description: 'Every customer in the directory, by id; licence keys masked.' })
  async list(): Promise<CustomerView[]> {
    return (await this.directory.list()).map(toCustomerView);
  }

  @Get(':id')
  @ApiOkResponse({
    description: 'Plan, contracts, licences (keys masked), products, contacts, SLA policy and process options.',
  })
  @ApiNotFoundResponse({ description: 'No such customer (code CUSTOMER_NOT_FOUND).' })
  async get(@Param('id') id: string): Promise<CustomerView> {
    const record = await this.directory.get(id);
    if (!record)
      throw new DomainError('CUSTOMER_NOT_FOUND', `customer ${id} is not in the directory`, { customerId: id });
    return toCustomerView(record);
  }
}
