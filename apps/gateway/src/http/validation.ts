import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

export interface FieldError {
  field: string;
  rules: Record<string, string>;
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, rules: error.constraints }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** 400 with code VALIDATION_FAILED and every failing field with the rules it broke. */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors) => {
    const fields = flatten(errors);
    return new BadRequestException({
      code: 'VALIDATION_FAILED',
      message: `invalid request: ${fields.map((f) => f.field).join(', ')}`,
      errors: fields,
    });
  },
});
