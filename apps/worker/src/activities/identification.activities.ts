import { Inject, Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { priorityOf, severityFits, SEVERITY_SCALES } from '../../../../libs/domain/src';
import { CUSTOMER_DIRECTORY, identifyRequest, type CustomerDirectory, type CustomerRecord } from '../../../../libs/directory/src';
import { businessDays, calendarDays, presetById, type CompiledCalendar, type SlaPreset } from '../../../../libs/sla/src';
import { compileCalendarForYears } from '../../../../libs/sla/src/compile';
import type { IdentifyTicketInput, IdentifyTicketResult, SlaSetup, TicketActivities } from '../../../../workflows/activity-types';

/** Calendars compiled from this year on: the table travels into the workflow and is frozen there. */
const CALENDAR_YEARS = 3;

/**
 * Identify: is this a customer with a valid contract, an authorized requester, a licensed and
 * supported product, a severity in its scheme? Then the SLA setup the ticket keeps for life.
 */
@Injectable()
export class IdentificationActivities implements Pick<TicketActivities, 'identifyTicket'> {
  private readonly compiled = new Map<string, CompiledCalendar>();

  constructor(@Inject(CUSTOMER_DIRECTORY) private readonly directory: CustomerDirectory) {}

  async identifyTicket(input: IdentifyTicketInput): Promise<IdentifyTicketResult> {
    const customer = await this.directory.get(input.customerId);
    const outcome = identifyRequest(customer, {
      requester: input.requester,
      product: input.product,
      productVersion: input.productVersion,
      // 004: the quartet's three customer-chosen fields are the required intake fields.
      intake: { ...input.quartet, ...input.intake },
      at: input.at,
    });
    if (!outcome.ok) return { ok: false, code: outcome.code, reason: outcome.reason };
    const record = customer as CustomerRecord;
    const scheme = record.processOptions.severityScheme;
    if (!severityFits(scheme, input.severity)) {
      return { ok: false, code: 'INVALID_SEVERITY', reason: `severity "${input.severity}" is not one of ${SEVERITY_SCALES[scheme].join(', ')} (${record.name}'s scheme)` };
    }
    const preset = presetById(record.presetId);
    if (!preset) throw ApplicationFailure.nonRetryable(`customer ${record.id} names unknown SLA preset ${record.presetId}`, 'ConfigurationError');
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
        priority: priorityOf(scheme, input.severity),
        clarificationOutcome: record.processOptions.clarificationOutcome,
      },
      sla: this.slaSetup(preset, record, new Date(input.at).getUTCFullYear()),
    };
  }

  private slaSetup(preset: SlaPreset, customer: CustomerRecord, year: number): SlaSetup {
    const calendars = preset.calendars.map((definition) => {
      const key = `${definition.id}@${definition.version}/${year}`;
      let compiled = this.compiled.get(key);
      if (!compiled) {
        compiled = compileCalendarForYears(definition, year, CALENDAR_YEARS);
        this.compiled.set(key, compiled);
      }
      return compiled;
    });
    const own = (span: SlaSetup['feedbackWindow']['span']) => ({ span, calendar: customer.calendarId });
    return {
      policies: preset.policies.filter((policy) => policy.id === customer.policy.id),
      calendars,
      answerClarification: preset.customerDeadlines?.answerClarification ?? own(businessDays(2)),
      acceptanceTesting: preset.customerDeadlines?.acceptanceTesting ?? own(calendarDays(7)),
      feedbackWindow: own(calendarDays(7)),
    };
  }
}
