import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  LICENSE_ROLES,
  type CreateLicenseRequest,
  type RenewedThroughRequest,
  type UpdateLicenseRequest,
} from '@mezzo/shared-contracts';
import { Transform } from 'class-transformer';
import {
  ArrayUnique,
  IsBoolean,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import {
  MAX_INT4,
  queryBoolean,
  trimString,
  upperString,
  todayIso,
  ISO_DATE_PATTERN,
} from '@mezzo/api-core';
import {
  asOfProblem,
  licenseProblems,
  type LicenseCheckInput,
} from './license-checks';

/**
 * `licenseProblems` of one request body, worked out once: every decorated field (and the `ValidateIf`
 * of the optional dates) asks for it during the same validation.
 */
const problemsByBody = new WeakMap<object, Record<string, string[]>>();

function problemsOf(o: object): Record<string, string[]> {
  let problems = problemsByBody.get(o);
  if (!problems) {
    problems = licenseProblems(o as LicenseCheckInput, todayIso());
    problemsByBody.set(o, problems);
  }
  return problems;
}

/** Reports what `licenseProblems` finds for `field`, in the same validation round as the shape checks. */
function LicenseRule(field: keyof LicenseCheckInput): PropertyDecorator {
  const problem = (o: object): string | undefined => problemsOf(o)[field]?.[0];
  return ValidateBy({
    name: 'licenseRule',
    validator: {
      validate: (_value, args) => !args || problem(args.object) === undefined,
      defaultMessage: (args) =>
        (args && problem(args.object)) ?? `${field} is not valid`,
    },
  });
}

/**
 * An optional date field, YYYY-MM-DD or null, which the license's rule set may require (then its
 * absence is reported by `LicenseRule`; whether it is a real date is `licenseProblems`' check too).
 */
function NullableIsoDate(
  field: 'birthDate' | 'renewsOn',
  example: string,
  description?: string,
): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ example, nullable: true, description }),
    ValidateIf(
      (o: object, v: unknown) =>
        (v !== null && v !== undefined) || problemsOf(o)[field] !== undefined,
    ),
    ValidateBy({
      name: 'nullableIsoDate',
      validator: {
        validate: (v: unknown) =>
          v === null ||
          v === undefined ||
          (typeof v === 'string' && ISO_DATE_PATTERN.test(v)),
        defaultMessage: () => `${field} must be a date YYYY-MM-DD`,
      },
    }),
    LicenseRule(field),
  );
}

export class CreateLicenseDto implements CreateLicenseRequest {
  @ApiProperty({ example: 'NJ' })
  @Transform(upperString)
  @IsDefined({ message: 'jurisdiction is required' })
  @IsString()
  @Matches(/^[A-Z]{2}$/, {
    message: 'jurisdiction must be a two-letter code such as NJ',
  })
  @LicenseRule('jurisdiction')
  jurisdiction!: string;

  @ApiProperty({ example: 'LCSW' })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty({ message: 'licenseType is required' })
  @MaxLength(30)
  @LicenseRule('licenseType')
  licenseType!: string;

  @ApiProperty({ example: '44SC12345600' })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty({ message: 'number is required' })
  @MaxLength(40)
  number!: string;

  @ApiProperty({ example: '2018-03-10' })
  @IsDefined({ message: 'issuedOn is required' })
  @IsString()
  @Matches(ISO_DATE_PATTERN, {
    message: 'issuedOn must be a date YYYY-MM-DD',
  })
  @LicenseRule('issuedOn')
  issuedOn!: string;

  @NullableIsoDate('birthDate', '1980-05-02')
  birthDate?: string | null;

  @NullableIsoDate(
    'renewsOn',
    '2027-06-30',
    'The renewal date on the license; required where the rule set does not say which years (NM, TN)',
  )
  renewsOn?: string | null;

  @ApiPropertyOptional({ enum: LICENSE_ROLES, isArray: true })
  // May be left out, but not null (IsOptional would let null through): [] for none.
  @ValidateIf((_o, v: unknown) => v !== undefined)
  @IsDefined({ message: 'roles must not be null; send [] for none' })
  @IsArray()
  @ArrayUnique()
  @IsIn(LICENSE_ROLES, {
    each: true,
    message: `each role must be one of ${LICENSE_ROLES.join(', ')}`,
  })
  roles?: string[];
}

/**
 * A partial change. A field left out is unchanged; null is refused like any other wrong value
 * (`skipNullProperties: false` puts `ValidateIf(v !== undefined)` where PartialType would put
 * `IsOptional`, which lets null through) — except `birthDate` and `renewsOn`, whose own `ValidateIf`
 * lets null clear them where the rule set does not need them.
 */
export class UpdateLicenseDto
  extends PartialType(CreateLicenseDto, { skipNullProperties: false })
  implements UpdateLicenseRequest
{
  @ApiProperty()
  @IsInt({ message: 'version is required' })
  @Min(1)
  @Max(MAX_INT4, { message: `version must be at most ${MAX_INT4}` })
  version!: number;
}

/** PUT /licenses/:id/renewed-through: the date is checked against the license by the service. */
export class RenewedThroughDto implements RenewedThroughRequest {
  @ApiProperty({
    example: '2026-08-31',
    nullable: true,
    type: String,
    description:
      "The last day of the cycle the licensee renewed for (usually an overdue cycle's end); null withdraws the confirmation",
  })
  @ValidateIf((_o, v: unknown) => v !== null)
  @IsDefined({
    message: 'renewedThrough is required: a date YYYY-MM-DD, or null',
  })
  @IsString({ message: 'renewedThrough must be a date YYYY-MM-DD, or null' })
  @Matches(ISO_DATE_PATTERN, {
    message: 'renewedThrough must be a date YYYY-MM-DD, or null',
  })
  renewedThrough!: string | null;

  @ApiProperty()
  @IsInt({ message: 'version is required' })
  @Min(1)
  @Max(MAX_INT4, { message: `version must be at most ${MAX_INT4}` })
  version!: number;
}

export class ListLicensesQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'includeRetired must be true or false' })
  includeRetired = false;
}

export class ComplianceQueryDto {
  @ApiPropertyOptional({
    description: 'Evaluate as of this date (default today)',
  })
  @IsOptional()
  @IsString()
  @Matches(ISO_DATE_PATTERN, {
    message: 'asOf must be a date YYYY-MM-DD',
  })
  @ValidateBy({
    name: 'asOf',
    validator: {
      validate: (v: unknown) =>
        typeof v !== 'string' ||
        !ISO_DATE_PATTERN.test(v) ||
        asOfProblem(v) === null,
      defaultMessage: (args) =>
        asOfProblem(String(args?.value)) ?? 'asOf is not valid',
    },
  })
  asOf?: string;
}
