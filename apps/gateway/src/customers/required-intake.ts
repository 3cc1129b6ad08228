import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { CUSTOMER_DIRECTORY, missingIntakeFields, type CustomerDirectory } from '@caseflow/directory';

export interface IntakeOfRequest {
  customerId: string;
  product?: string;
  productVersion?: string;
  quartet?: object;
  intake?: Record<string, unknown>;
}

/** Where a missing field belongs in the request body: the top level, the quartet (004) or the intake form. */
const TOP_LEVEL = new Set(['product', 'productVersion']);
const QUARTET = new Set(['service', 'category', 'item']);

/**
 * The customer's required intake fields, checked when a ticket is opened: missing ones are a 400
 * naming each (as any invalid body), before a number is taken or a workflow started. The workflow's
 * identification still refuses what slips through (a customer changed meanwhile).
 */
@Injectable()
export class RequiredIntake {
  constructor(@Inject(CUSTOMER_DIRECTORY) private readonly directory: CustomerDirectory) {}

  async check(request: IntakeOfRequest): Promise<void> {
    const customer = await this.directory.get(request.customerId);
    // An unknown customer is the workflow's to refuse (TicketRefused UNKNOWN_CUSTOMER), as before.
    if (!customer) return;
    const quartet = customer.processOptions.severityScheme === 'quartet';
    // The identify activity reads the quartet's three fields as intake fields too.
    const intake = { ...request.quartet, ...request.intake };
    const missing = missingIntakeFields(customer, { ...request, intake });
    if (missing.length === 0) return;
    const errors = missing.map((name) => ({
      field: TOP_LEVEL.has(name) ? name : quartet && QUARTET.has(name) ? `quartet.${name}` : `intake.${name}`,
      rules: { required: `${customer.name} requires ${name} on every new ticket` },
    }));
    throw new BadRequestException({
      code: 'VALIDATION_FAILED',
      message: `invalid request: ${errors.map((e) => e.field).join(', ')}`,
      errors,
    });
  }
}
