import { ValidateIf } from 'class-validator';

/**
 * The field may be left out; when present it is checked, null included (class-validator's
 * @IsOptional lets null through, which the schema, with no `nullable`, does not allow).
 */
export const OptionalField = (): PropertyDecorator => ValidateIf((_object, value: unknown) => value !== undefined);
