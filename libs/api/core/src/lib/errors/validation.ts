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

/** Rules that also check the type: when the value has the wrong type, their message says so. */
const NUMBER_RULES = ['twoDecimals'];

/**
 * A missing title is "title is required", not also "title must be shorter than or equal to 300
 * characters": when a required-field rule fails, only its message is kept. Likewise a token sent
 * as a number is "token must be a string", not also "token must be shorter than … characters",
 * and a floor sent as "15" is told it must be a number, not also that it must be at most 100.
 */
function firstThings(
  constraints: Record<string, string>,
  value: unknown,
): Record<string, string> {
  const typeRules =
    typeof value === 'number' ? TYPE_RULES : [...TYPE_RULES, ...NUMBER_RULES];
  for (const rules of [REQUIRED_RULES, typeRules]) {
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
    const constraints = error.constraints;
    // Left out altogether: "email is required", not what an email must look like. (Optional fields
    // are not validated when left out, so a failure here means the field was needed.) A rule that
    // already says why it is required keeps its words ("TX renews LCSW licenses by birth month:
    // birthDate is required"). Only when the validator recorded the value (`validationError.value`),
    // so that "absent" is known.
    if (
      constraints &&
      'value' in error &&
      error.value === undefined &&
      !REQUIRED_RULES.some((r) => r in constraints)
    ) {
      const saying = Object.values(constraints).filter((m) =>
        /\brequired\b/.test(m),
      );
      out[path] = saying.length
        ? [...new Set(saying)]
        : [`${error.property} is required`];
    } else if (constraints) {
      // Two rules may word their failure the same way (a password's minimum and maximum length): once.
      out[path] = [
        ...new Set(Object.values(firstThings(constraints, error.value))),
      ];
    }
    if (error.children?.length)
      Object.assign(out, fieldErrors(error.children, path));
  }
  return out;
}

/**
 * class-validator options of every input check: unknown fields are refused; values are recorded
 * for `fieldErrors` (missing or of the wrong type), never sent back.
 */
export const VALIDATOR_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  validationError: { target: false, value: true },
} as const;

/** Whitelisting pipe: unknown fields are refused, types transformed, errors reported per field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    ...VALIDATOR_OPTIONS,
    transform: true,
    exceptionFactory: (errors) => AppError.validation(fieldErrors(errors)),
  });
}
