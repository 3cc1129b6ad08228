import { Injectable, Logger } from '@nestjs/common';
import { describeCaller, type Caller } from '@caseflow/identity';

export interface Denial {
  status: number;
  /** Why, in words safe to log: never the token, never an e-mail address. */
  reason: string;
  caller?: Caller;
  /** `METHOD /route/:pattern` (the declared route, not the path with its values). */
  route: string;
  ip?: string;
}

/** Every refused request is one structured line: `{"event":"access.denied",...}` on the `Access` logger. */
@Injectable()
export class DenialLog {
  private readonly logger = new Logger('Access');

  record(denial: Denial): void {
    this.logger.warn(
      JSON.stringify({
        event: 'access.denied',
        status: denial.status,
        reason: denial.reason,
        caller: describeCaller(denial.caller),
        route: denial.route,
        ...(denial.ip ? { ip: denial.ip } : {}),
      }),
    );
  }
}
