import { Module } from '@nestjs/common';
import { CustomerManagementController } from './customer-management.controller';
import { CustomersController } from './customers.controller';
import { RequiredIntake } from './required-intake';

/**
 * GET /v1/customers and /v1/customers/:id, the managers' routes that change the directory, and the
 * required-intake check of new tickets; needs DirectoryModule (CUSTOMER_DIRECTORY) registered beside it.
 */
@Module({
  controllers: [CustomersController, CustomerManagementController],
  providers: [RequiredIntake],
  exports: [RequiredIntake],
})
export class CustomersModule {}
