import { Inject, Injectable } from '@nestjs/common';
import type { DataSubjects } from '../../../../libs/event-store/src';
import { DATA_SUBJECTS } from '../../../../libs/persistence/src';
import type { ResolveDataSubjectInput, TicketActivities } from '../../../../workflows/activity-types';

/** A person's opaque subject id, so that the log names them (actor, key owner) without their e-mail. */
@Injectable()
export class DataSubjectActivities implements Pick<TicketActivities, 'resolveDataSubject'> {
  constructor(@Inject(DATA_SUBJECTS) private readonly subjects: DataSubjects) {}

  async resolveDataSubject({ email }: ResolveDataSubjectInput): Promise<{ subjectId: string }> {
    return { subjectId: await this.subjects.idFor(email) };
  }
}
