import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  FORMATS,
  MACRO_AREAS,
  TOPICS,
  type Format,
} from '@mezzo/compliance-engine';
import {
  MAX_CREDIT_HOURS,
  type CreditInput,
  type UpdateCreditRequest,
} from '@mezzo/shared-contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  ValidateBy,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  MAX_INT4,
  MAX_PAGE,
  queryBoolean,
  trimString,
  ISO_DATE_PATTERN,
} from '@mezzo/api-core';

/**
 * A field that may be left out but, when sent, must not be null: an optional list is `[]` for none.
 * (`IsOptional` would let null through to the database.)
 */
function OptionalNotNull(field: string, none: string): PropertyDecorator {
  return applyDecorators(
    ValidateIf((_o, v: unknown) => v !== undefined),
    IsDefined({ message: `${field} must not be null; send ${none} for none` }),
  );
}

/**
 * An amount of hours, with one message for what is wrong first: not a number, more than two
 * decimals, below `min` (`exclusive`: must be more than it), or above `max`.
 */
function Hours(
  field: string,
  limits: { min: number; exclusive?: boolean; max?: number },
): PropertyDecorator {
  const problem = (v: unknown): string | null => {
    if (typeof v !== 'number' || !Number.isFinite(v))
      return `${field} must be a number`;
    if (Math.abs(Math.round(v * 100) - v * 100) > 1e-6)
      return `${field} must have at most 2 decimals`;
    if (limits.exclusive ? v <= limits.min : v < limits.min)
      return limits.exclusive
        ? `${field} must be more than ${limits.min}`
        : `${field} must not be less than ${limits.min}`;
    if (limits.max !== undefined && v > limits.max)
      return `${field} must be at most ${limits.max}`;
    return null;
  };
  return ValidateBy({
    name: 'hours',
    validator: {
      validate: (v: unknown) => problem(v) === null,
      defaultMessage: (args) => problem(args?.value) ?? `${field} is not valid`,
    },
  });
}

export class PracticeSplitDto {
  @ApiProperty()
  @Hours('clinical', { min: 0 })
  clinical!: number;
  @ApiProperty()
  @Hours('macro', { min: 0 })
  macro!: number;
  @ApiProperty()
  @Hours('general', { min: 0 })
  general!: number;
}

export class ApprovalDto {
  @ApiProperty({ example: 'ACE' })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty({ message: 'body is required' })
  // Room for a body's full name ("Michigan Social Work Continuing Education Collaborative").
  @MaxLength(80)
  body!: string;

  @ApiPropertyOptional({ example: '1234' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(60)
  number?: string;
}

export class CreditInputDto implements CreditInput {
  @ApiProperty({ example: 'Advocacy for housing policy' })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty({ message: 'title is required' })
  @MaxLength(300)
  title!: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(200)
  provider?: string | null;

  @ApiProperty({ example: '2025-02-14' })
  @IsDefined({ message: 'completedOn is required' })
  @IsString()
  @Matches(ISO_DATE_PATTERN, {
    message: 'completedOn must be a date YYYY-MM-DD',
  })
  completedOn!: string;

  @ApiProperty({ example: 3 })
  @IsDefined({ message: 'hours is required' })
  @Hours('hours', { min: 0, exclusive: true, max: MAX_CREDIT_HOURS })
  hours!: number;

  @ApiProperty({ enum: FORMATS })
  @IsDefined({ message: 'format is required' })
  @IsIn(FORMATS, { message: `format must be one of ${FORMATS.join(', ')}` })
  format!: Format;

  @ApiProperty({ enum: TOPICS, isArray: true })
  @IsDefined({ message: 'topics is required' })
  @IsArray()
  @ArrayUnique({ message: 'topics must not list a topic twice' })
  @ArrayMaxSize(25)
  @IsIn(TOPICS, {
    each: true,
    message: 'each topic must be a known topic code',
  })
  topics!: string[];

  @ApiProperty({ type: PracticeSplitDto })
  // A missing split is not caught by ValidateNested (it skips undefined).
  @IsDefined({ message: 'practice is required' })
  @ValidateNested()
  @Type(() => PracticeSplitDto)
  practice!: PracticeSplitDto;

  @ApiPropertyOptional({ enum: MACRO_AREAS, isArray: true })
  @OptionalNotNull('macroAreas', '[]')
  @IsArray()
  @ArrayUnique({
    message: 'macroAreas must not list a macro area twice',
  })
  @IsIn(MACRO_AREAS, {
    each: true,
    message: `each macro area must be one of ${MACRO_AREAS.join(', ')}`,
  })
  macroAreas?: string[];

  @ApiPropertyOptional({ type: [ApprovalDto] })
  @OptionalNotNull('approvals', '[]')
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ApprovalDto)
  approvals?: ApprovalDto[];
}

/**
 * A partial change; `version` is the one the client last saw. A field left out is unchanged; null is
 * refused like any other wrong value (`skipNullProperties: false` puts `ValidateIf(v !== undefined)`
 * where PartialType would put `IsOptional`, which lets null through) — except `provider`, whose own
 * `IsOptional` keeps null meaning "no provider".
 */
export class UpdateCreditDto
  extends PartialType(CreditInputDto, { skipNullProperties: false })
  implements UpdateCreditRequest
{
  @ApiProperty()
  @IsInt({ message: 'version is required' })
  @Min(1)
  @Max(MAX_INT4, { message: `version must be at most ${MAX_INT4}` })
  version!: number;
}

export class CreditsPageQueryDto {
  @ApiPropertyOptional({ default: 1, maximum: MAX_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1)
  @Max(MAX_PAGE, { message: `page must be at most ${MAX_PAGE}` })
  page = 1;
  @ApiPropertyOptional({ default: 25, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1)
  @Max(100)
  pageSize = 25;
  @ApiPropertyOptional({
    description: 'true = the deleted (restorable) credits',
  })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'deleted must be true or false' })
  deleted = false;
}
