import { Inject, Injectable } from '@nestjs/common';
import type { DataSubjects } from '@caseflow/event-store';
import { DATA_SUBJECTS } from '@caseflow/persistence';
import type { ResolveDataSubjectInput, TicketActivities } from '@caseflow/contract';

/** A person's opaque subject id, so that the log names them (actor, key owner) without their e-mail. */
@Injectable()
export class DataSubjectActivities implements Pick<TicketActivities, 'resolveDataSubject'> {
  constructor(@Inject(DATA_SUBJECTS) private readonly subjects: DataSubjects) {}

  async resolveDataSubject({ email }: ResolveDataSubjectInput): Promise<{ subjectId: string }> {
    return { subjectId: await this.subjects.idFor(email) };
  }
}
