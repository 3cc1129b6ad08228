import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { ParameterObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { DeclaredRoute } from './declared-routes';

type ClassType = abstract new (...args: never[]) => unknown;
type Rule = (schema: SchemaObject, constraints: unknown[]) => void;

/** A string rule makes the value a string, whatever the property's TypeScript type said (`string | null` reads as object). */
const string = (schema: SchemaObject): SchemaObject => {
  schema.type = 'string';
  return schema;
};

/** What each class-validator rule means in JSON Schema; a rule with no entry adds nothing (the error body still names it). */
const RULES: Record<string, Rule> = {
  matches: (schema, [pattern]) =>
    void (string(schema).pattern = pattern instanceof RegExp ? pattern.source : String(pattern)),
  maxLength: (schema, [max]) => void (string(schema).maxLength = Number(max)),
  minLength: (schema, [min]) => void (string(schema).minLength = Number(min)),
  isLength: (schema, [min, max]) => {
    string(schema).minLength = Number(min);
    if (max !== undefined) schema.maxLength = Number(max);
  },
  isNotEmpty: (schema) => {
    if (schema.type === 'string' || schema.type === undefined)
      string(schema).minLength = Math.max(schema.minLength ?? 0, 1);
  },
  isIn: (schema, [values]) => void (schema.enum = [...(values as unknown[])]),
  equals: (schema, [value]) => void (schema.enum = [value]),
  isEmail: (schema) => void (string(schema).format = 'email'),
  isString: (schema) => void string(schema),
  isInt: (schema) => void (schema.type = 'integer'),
  isNumber: (schema) => void (schema.type = schema.type === 'integer' ? 'integer' : 'number'),
  isBoolean: (schema) => void (schema.type = 'boolean'),
  isObject: (schema) => void (schema.type = 'object'),
  isArray: (schema) => void (schema.type = 'array'),
  min: (schema, [min]) => void (schema.minimum = Number(min)),
  max: (schema, [max]) => void (schema.maximum = Number(max)),
  isPositive: (schema) => {
    schema.minimum = 0;
    schema.exclusiveMinimum = true;
  },
  arrayMinSize: (schema, [min]) => void (schema.minItems = Number(min)),
  arrayMaxSize: (schema, [max]) => void (schema.maxItems = Number(max)),
  arrayNotEmpty: (schema) => void (schema.minItems = Math.max(schema.minItems ?? 0, 1)),
  isIso8601: (schema) => void (string(schema).format = 'date-time'),
  isDateString: (schema) => void (string(schema).format = 'date-time'),
};

/**
 * Request schemas say what the validators enforce, read from class-validator's own metadata so a
 * DTO added later is covered without repeating its rules in @ApiProperty: patterns, lengths,
 * non-empty, enums, formats, bounds, required (no @IsOptional or OptionalField) and, as the validation pipe
 * forbids unknown fields, `additionalProperties: false`. Schemas of classes with no validators are
 * left as they are.
 */
export function applyValidatorRules(document: OpenAPIObject): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, SchemaObject>;
  for (const target of validatedClasses()) {
    const schema = schemas[target.name];
    const metadata = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
    if (!schema || metadata.length === 0) continue;
    schema.type = 'object';
    schema.additionalProperties = false;
    schema.properties ??= {};
    const required = new Set(schema.required ?? []);
    for (const [property, rules] of byProperty(metadata)) {
      const prop = (schema.properties[property] ??= {}) as SchemaObject;
      const optional = rules.some((rule) => rule.type === 'conditionalValidation');
      if (optional) required.delete(property);
      else required.add(property);
      for (const rule of rules) applyRule(prop, rule);
    }
    schema.required = [...required];
    if (schema.required.length === 0) delete schema.required;
  }
}

/**
 * The same for query parameters: Nest's Swagger module spreads a `@Query()` DTO into one parameter
 * per property; each gets its property's rules, and `required` unless the property is optional.
 */
export function applyQueryRules(document: OpenAPIObject, routes: DeclaredRoute[]): void {
  for (const route of routes) {
    const operation = document.paths[route.openApiPath]?.[route.method.toLowerCase() as 'get'];
    const dto = queryDtoOf(route);
    if (!operation || !dto) continue;
    const rules = byProperty(getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false));
    for (const parameter of (operation.parameters ?? []) as ParameterObject[]) {
      const own = parameter.in === 'query' ? rules.get(parameter.name) : undefined;
      if (!own) continue;
      parameter.required = !own.some((rule) => rule.type === 'conditionalValidation');
      const schema = (parameter.schema ??= {}) as SchemaObject;
      for (const rule of own) applyRule(schema, rule);
    }
  }
}

/** The class of a handler's whole-query argument (`@Query() query: SomeQuery`), if it has one. */
function queryDtoOf(route: DeclaredRoute): ClassType | undefined {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, route.controller, route.handlerName) ?? {}) as Record<
    string,
    { index: number; data?: unknown }
  >;
  const types = (Reflect.getMetadata('design:paramtypes', route.controller.prototype, route.handlerName) ??
    []) as unknown[];
  const query = Object.entries(args).find(
    ([key, arg]) => key.startsWith(`${RouteParamtypes.QUERY}:`) && arg.data === undefined,
  );
  const type = query ? types[query[1].index] : undefined;
  return typeof type === 'function' && type !== Object ? (type as ClassType) : undefined;
}

function applyRule(property: SchemaObject, rule: ValidationMetadata): void {
  const apply = rule.name ? RULES[rule.name] : undefined;
  if (!apply) return;
  // `$ref`/`oneOf` properties are described by their own schema.
  if ('$ref' in property || property.oneOf || property.allOf) return;
  if (rule.each) {
    property.type = 'array';
    property.items ??= {};
    apply(property.items as SchemaObject, rule.constraints ?? []);
  } else apply(property, rule.constraints ?? []);
}

function byProperty(metadata: ValidationMetadata[]): Map<string, ValidationMetadata[]> {
  const grouped = new Map<string, ValidationMetadata[]>();
  for (const rule of metadata) grouped.set(rule.propertyName, [...(grouped.get(rule.propertyName) ?? []), rule]);
  return grouped;
}

/**
 * Every class whose instances are validated: those with rules of their own (class-validator keeps
 * them by target class and offers no list), and those reached through class-transformer's @Type,
 * subclasses included (`extends PartialType(…)`: their rules are inherited, not their own).
 */
function validatedClasses(): ClassType[] {
  const own = getMetadataStorage() as unknown as { validationMetadatas: Map<ClassType | string, unknown> };
  const typed = defaultMetadataStorage as unknown as {
    _typeMetadatas: Map<ClassType, Map<string, { typeFunction: () => unknown }>>;
  };
  const classes = new Set<ClassType>();
  for (const target of own.validationMetadatas.keys()) if (typeof target === 'function') classes.add(target);
  for (const [target, properties] of typed._typeMetadatas) {
    classes.add(target);
    for (const { typeFunction } of properties.values()) {
      const type = typeFunction();
      if (typeof type === 'function') classes.add(type as ClassType);
    }
  }
  return [...classes];
}
