import { ValidatorConstraint, type ValidationArguments, type ValidatorConstraintInterface } from 'class-validator';
import { findCredentialField } from '@caseflow/event-store';

/**
 * The audit log is immutable, so a password or token sent with a request (003 BPMSoft asks for the
 * account to use) is refused at the edge, before anything is recorded.
 */
@ValidatorConstraint({ name: 'noCredentials' })
export class NoCredentialFields implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    return findCredentialField(value, args.property) === undefined;
  }

  defaultMessage(args: ValidationArguments): string {
    return `${findCredentialField(args.value, args.property)} looks like a credential: Caseflow never stores secrets; name the account and share the secret through a secure channel`;
  }
}
