import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Caller as VerifiedCaller } from '@caseflow/identity';
import type { AuthenticatedRequest } from './request';

/** The verified caller of this request (the access guard put it there): `@Caller() caller: Caller`. */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext): VerifiedCaller => {
  const caller = context.switchToHttp().getRequest<AuthenticatedRequest>().caller;
  if (!caller) throw new Error('@Caller() on a route the access guard did not authenticate');
  return caller;
});
export type Caller = VerifiedCaller;
