import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { AppError } from './app-error';

/** Rules saying a field is missing: when one fails, the others' messages only add noise. */
const REQUIRED_RULES = ['isDefined', 'isNotEmpty'];
/** Rules saying a value has the wrong type: then its length or format is beside the point. */
const TYPE_RULES = [
  'isString',
  'isNumber',
  'isInt',
  'isBoolean',
  'isArray',
  'isObject',
];

/**
 * A missing title is "title is required", not also "title must be shorter than or equal to 300
 * characters": when a required-field rule fails, only its message is kept. Likewise a token sent
 * as a number is "token must be a string", not also "token must be shorter than … characters".
 */
function firstThings(
  constraints: Record<string, string>,
): Record<string, string> {
  for (const rules of [REQUIRED_RULES, TYPE_RULES]) {
    const failed = rules.filter((rule) => rule in constraints);
    if (failed.length)
      return Object.fromEntries(
        failed.map((rule) => [rule, constraints[rule]]),
      );
  }
  return constraints;
}

/** Flattens class-validator errors into `{ "path.to.field": ["message", …] }`. */
export function fieldErrors(
  errors: ValidationError[],
  parent = '',
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    // Two rules may word their failure the same way (a password's minimum and maximum length): once.
    if (error.constraints)
      out[path] = [...new Set(Object.values(firstThings(error.constraints)))];
    if (error.children?.length)
      Object.assign(out, fieldErrors(error.children, path));
  }
  return out;
}

/** Whitelisting pipe: unknown fields are refused, types transformed, errors reported per field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => AppError.validation(fieldErrors(errors)),
  });
}
