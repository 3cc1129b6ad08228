import type { Request } from 'express';
import type { Caller, CredentialError } from '@caseflow/identity';

/** What the access guard leaves on the request. */
export interface AuthenticatedRequest extends Request {
  caller?: Caller;
  /** Why no caller could be established (reported as 401/503 unless the route is public). */
  credentialError?: CredentialError;
  /** The customer the route's target belongs to, once authorized (undefined when not known to the gateway). */
  accessCustomerId?: string;
}
