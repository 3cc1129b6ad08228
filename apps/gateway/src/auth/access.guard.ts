import { HttpException, HttpStatus, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { DomainError } from '@caseflow/domain';
import { CUSTOMER_DIRECTORY, type CustomerDirectory } from '@caseflow/directory';
import { CredentialError, inScope, type Caller } from '@caseflow/identity';
import { isAllowed, WRITES, type Action } from './access-policy';
import { Authenticator } from './authenticator';
import { AUTHORIZE, PUBLIC, type AuthorizeMetadata } from './authorize.decorator';
import { CallerThrottlerGuard } from './caller-throttler.guard';
import { DenialLog } from './denial-log';
import { actingFor, ON_BEHALF_OF } from './on-behalf-of';
import type { AuthenticatedRequest } from './request';
import { TicketAccess, type TicketOwner } from './ticket-access.service';

/**
 * The one global guard, in this order: who is calling (token or API key), the per-caller rate
 * limit, then for every non-public route: 401 without a valid credential, 404 for a target outside
 * the caller's customers (the same body as for one that does not exist), 403 for a role that may
 * not take the route's action, 403 when the directory says this contact may not act. All before
 * any workflow call; every refusal is logged by DenialLog.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly throttler: CallerThrottlerGuard,
    private readonly tickets: TicketAccess,
    @Inject(CUSTOMER_DIRECTORY) private readonly directory: CustomerDirectory,
    private readonly denials: DenialLog,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const route = `${req.method} ${(req.route as { path?: string } | undefined)?.path ?? req.path}`;
    const targets = [context.getHandler(), context.getClass()];
    try {
      req.caller = await this.authenticator.authenticate(req.headers.authorization);
    } catch (error) {
      if (!(error instanceof CredentialError)) throw error;
      req.credentialError = error;
    }
    await this.throttler.canActivate(context);
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    if (!req.caller) throw this.unauthenticated(req, route);
    const rule = this.reflector.get<AuthorizeMetadata | undefined>(AUTHORIZE, context.getHandler());
    if (!rule) throw this.forbidden(req.caller, route, 'the route declares no access rule');
    await this.authorize(req, rule, route);
    return true;
  }

  private async authorize(req: AuthenticatedRequest, { action, target }: AuthorizeMetadata, route: string) {
    let caller = req.caller as Caller;
    try {
      caller = req.caller = actingFor(caller, req.headers[ON_BEHALF_OF]);
    } catch (error) {
      this.denials.record({ status: 403, reason: (error as Error).message, caller, route });
      throw error;
    }
    const body = (req.body ?? {}) as Record<string, unknown>;
    let owner: TicketOwner | undefined;
    let customerId: string | undefined;
    if (target.ticketParam) {
      owner = await this.tickets.check(caller, String(req.params[target.ticketParam]), route);
      customerId = owner?.customerId;
    }
    if (target.customerParam)
      customerId = this.customerInScope(caller, String(req.params[target.customerParam]), route);
    const fromBody = target.customerInBody ? body[target.customerInBody] : undefined;
    if (typeof fromBody === 'string') customerId = this.customerInScope(caller, fromBody, route);
    const fromQuery = target.customerQuery ? (req.query as Record<string, unknown>)[target.customerQuery] : undefined;
    if (typeof fromQuery === 'string') customerId = this.customerInScope(caller, fromQuery, route);

    if (caller.role === 'service' && WRITES.has(action))
      throw this.forbidden(caller, route, `a service names the person it acts for (${ON_BEHALF_OF}) to ${action}`);
    const commandType =
      action === 'ticket.command' ? (body.command as { type?: unknown } | undefined)?.type : undefined;
    const command = typeof commandType === 'string' ? commandType : undefined;
    if (!isAllowed(caller.role, action, command))
      throw this.forbidden(caller, route, `${caller.role} may not ${describe(action, command)}`);
    if (caller.role === 'customer') await this.checkContact(caller, action, owner, body, route);
    req.accessCustomerId = customerId;
  }

  /** What the directory says about a customer contact: 003's one authorized person, requester or contact for commands. */
  private async checkContact(
    caller: Caller,
    action: Action,
    owner: TicketOwner | undefined,
    body: Record<string, unknown>,
    route: string,
  ): Promise<void> {
    const customerId = caller.customerId as string;
    const email = caller.email as string;
    const record = await this.directory.get(customerId);
    if (!record) throw this.forbidden(caller, route, `customer ${customerId} is not in the directory`);
    const contact = record.authorizedContacts.some((c) => c.email.trim().toLowerCase() === email);
    if (record.processOptions.authorizedContactsOnly && !contact)
      throw this.forbidden(caller, route, `only the authorized person acts for ${customerId}`);
    if (action === 'ticket.open' && typeof body.requester === 'string' && body.requester.trim().toLowerCase() !== email)
      throw this.forbidden(caller, route, 'a customer contact opens tickets in their own name', 'requester');
    if (action === 'ticket.command' && owner && !contact && !(await this.tickets.isRequester(owner, email)))
      throw this.forbidden(caller, route, `neither the requester nor an authorized contact of ${customerId}`);
  }

  private customerInScope(caller: Caller, customerId: string, route: string): string {
    if (inScope(caller, customerId)) return customerId;
    this.denials.record({ status: 404, reason: 'customer outside the caller’s scope', caller, route });
    throw new DomainError('CUSTOMER_NOT_FOUND', `customer ${customerId} is not in the directory`, { customerId });
  }

  private forbidden(caller: Caller, route: string, reason: string, field?: string): DomainError {
    this.denials.record({ status: 403, reason, caller, route });
    return new DomainError('ACTOR_NOT_AUTHORIZED', reason, field ? { field } : {});
  }

  private unauthenticated(req: AuthenticatedRequest, route: string): HttpException {
    const error = req.credentialError ?? new CredentialError('invalid', 'no bearer token');
    const unavailable = error.kind === 'unavailable';
    this.denials.record({ status: unavailable ? 503 : 401, reason: error.reason, route, ip: req.ip });
    if (unavailable)
      return new HttpException(
        { code: 'AUTH_UNAVAILABLE', message: `cannot verify tokens now: ${error.reason}` },
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    const res = req.res as Response;
    res.setHeader(
      'WWW-Authenticate',
      req.headers.authorization ? 'Bearer realm="caseflow", error="invalid_token"' : 'Bearer realm="caseflow"',
    );
    return new HttpException(
      { code: 'UNAUTHENTICATED', message: `a valid bearer token is required: ${error.reason}` },
      HttpStatus.UNAUTHORIZED,
    );
  }
}

const describe = (action: Action, command?: string): string => (command ? `${action} (${command})` : action);
