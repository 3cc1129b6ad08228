import { SetMetadata } from '@nestjs/common';
import type { Action } from './access-policy';

export const AUTHORIZE = Symbol('caseflow:authorize');
export const PUBLIC = Symbol('caseflow:public');

/**
 * Where a route's customer comes from: a ticket number or customer id in the path, the body's
 * customerId, or a query parameter (a list's customer filter).
 */
export interface AccessTarget {
  ticketParam?: string;
  customerParam?: string;
  customerInBody?: string;
  customerQuery?: string;
}

export interface AuthorizeMetadata {
  action: Action;
  target: AccessTarget;
}

/**
 * Every /v1 route declares its action (and where its customer comes from); the access guard
 * refuses a route that declares nothing. Scope is checked first (another customer's → 404), then
 * the role (403), then the directory's word on customer contacts.
 */
export const Authorize = (action: Action, target: AccessTarget = {}): MethodDecorator =>
  SetMetadata(AUTHORIZE, { action, target } satisfies AuthorizeMetadata);

/** No credential needed (health). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC, true);
