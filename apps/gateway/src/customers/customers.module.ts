import { Module } from '@nestjs/common';
import { CustomersController } from './customers.controller';

/** GET /v1/customers and /v1/customers/:id; needs DirectoryModule (CUSTOMER_DIRECTORY) registered beside it. */
@Module({ controllers: [CustomersController] })
export class CustomersModule {}
