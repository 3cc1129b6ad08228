import { Inject, Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { priorityOf, severityFits, SEVERITY_SCALES } from '@caseflow/domain';
import {
  buildSlaSetup,
  CUSTOMER_DIRECTORY,
  identifyRequest,
  type CustomerDirectory,
  type CustomerRecord,
} from '@caseflow/directory';
import { presetById, quartetPriority, type CompiledCalendar, type SlaPolicy } from '@caseflow/sla';
import type { IdentifyTicketInput, IdentifyTicketResult, TicketActivities } from '@caseflow/contract';
import { subjectOfReference } from '@caseflow/domain';
import { PERSONAL_REFERENCES, type PersonalReferences } from '@caseflow/persistence';

/**
 * Identify: is this a customer with a valid contract, an authorized requester, a licensed and
 * supported product, a severity in its scheme? Then the SLA setup the ticket keeps for life.
 */
@Injectable()
export class IdentificationActivities implements Pick<TicketActivities, 'identifyTicket'> {
  private readonly compiled = new Map<string, CompiledCalendar>();

  constructor(
    @Inject(CUSTOMER_DIRECTORY) private readonly directory: CustomerDirectory,
    @Inject(PERSONAL_REFERENCES) private readonly references: Pick<PersonalReferences, 'open'>,
  ) {}

  /** The requester and the intake may be references (docs/codec.md): opened for the checks, never returned. */
  async identifyTicket(sealed: IdentifyTicketInput): Promise<IdentifyTicketResult> {
    const subject = subjectOfReference(sealed.requester);
    const input = subject
      ? await this.references.open(sealed, { within: ['requester', 'intake'], subject, strict: true })
      : sealed;
    const customer = await this.directory.get(input.customerId);
    const outcome = identifyRequest(customer, {
      requester: input.requester,
      product: input.product,
      productVersion: input.productVersion,
      // 004 IL helpdesk: the quartet's three customer-chosen fields are the required intake fields.
      intake: { ...input.quartet, ...input.intake },
      at: input.at,
    });
    if (!outcome.ok) return { ok: false, code: outcome.code, reason: outcome.reason };
    const record = customer as CustomerRecord;
    const scheme = record.processOptions.severityScheme;
    if (!severityFits(scheme, input.severity)) {
      return {
        ok: false,
        code: 'INVALID_SEVERITY',
        reason: `severity "${input.severity}" is not one of ${SEVERITY_SCALES[scheme].join(', ')} (${record.name}'s scheme)`,
      };
    }
    if (!presetById(record.presetId))
      throw ApplicationFailure.nonRetryable(
        `customer ${record.id} names unknown SLA preset ${record.presetId}`,
        'ConfigurationError',
      );
    const sla = buildSlaSetup(record, new Date(input.at).getUTCFullYear(), this.compiled);
    // The valid contract's plan wins over the customer's (identifyRequest already falls back to it).
    const plan = outcome.plan ?? record.plan;
    return {
      ok: true,
      identified: {
        customerName: record.name,
        contractId: outcome.contractId,
        ...(plan ? { plan } : {}),
        ...(record.quartetTable ? { quartetTable: record.quartetTable } : {}),
        presetId: record.presetId,
        policy: record.policy,
        calendarId: record.calendarId,
        severityScheme: scheme,
        priority: priorityOf(scheme, this.quartetSeverity(record, input, sla.policies) ?? input.severity),
        clarificationOutcome: record.processOptions.clarificationOutcome,
        ...(record.processOptions.sequentialQueue ? { sequentialQueue: true } : {}),
        // The compiled tables' identities: auditors rebuild the calendars and must get the same hashes.
        calendars: sla.calendars.map(({ id, version, hash }) => ({ id, version, hash })),
        // 004: the customer's dedicated people, the first the ticket's assignee.
        ...(record.support
          ? {
              support: {
                tier: record.support.entryTier ?? 'L1',
                assignee: record.support.dedicated[0],
                dedicated: [...record.support.dedicated],
              },
            }
          : {}),
      },
      sla,
    };
  }

  /** 004 IL helpdesk: a quartet customer's priority comes from its quartet table, not from what was typed. */
  private quartetSeverity(
    record: CustomerRecord,
    input: IdentifyTicketInput,
    policies: readonly SlaPolicy[],
  ): string | undefined {
    if (record.processOptions.severityScheme !== 'quartet' || !input.quartet) return undefined;
    const policy = policies[0];
    return (
      policy &&
      quartetPriority(policy, {
        customerId: record.id,
        quartet: input.quartet,
        ...(record.quartetTable ? { quartetTable: record.quartetTable } : {}),
      })
    );
  }
}
