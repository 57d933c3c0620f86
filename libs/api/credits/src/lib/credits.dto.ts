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
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { trimString, ISO_DATE_PATTERN } from '@mezzo/api-core';

const hoursRule = {
  maxDecimalPlaces: 2,
  allowNaN: false,
  allowInfinity: false,
};

export class PracticeSplitDto {
  @ApiProperty()
  @IsNumber(hoursRule, {
    message: 'clinical must be a number with at most 2 decimals',
  })
  @Min(0)
  clinical!: number;
  @ApiProperty()
  @IsNumber(hoursRule, {
    message: 'macro must be a number with at most 2 decimals',
  })
  @Min(0)
  macro!: number;
  @ApiProperty()
  @IsNumber(hoursRule, {
    message: 'general must be a number with at most 2 decimals',
  })
  @Min(0)
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
  @IsString()
  @Matches(ISO_DATE_PATTERN, {
    message: 'completedOn must be a date YYYY-MM-DD',
  })
  completedOn!: string;

  @ApiProperty({ example: 3 })
  @IsNumber(hoursRule, {
    message: 'hours must be a number with at most 2 decimals',
  })
  @Min(0.01, { message: 'hours must be more than 0' })
  @Max(MAX_CREDIT_HOURS, {
    message: `hours must be at most ${MAX_CREDIT_HOURS}`,
  })
  hours!: number;

  @ApiProperty({ enum: FORMATS })
  @IsIn(FORMATS, { message: `format must be one of ${FORMATS.join(', ')}` })
  format!: Format;

  @ApiProperty({ enum: TOPICS, isArray: true })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(25)
  @IsIn(TOPICS, {
    each: true,
    message: 'each topic must be a known topic code',
  })
  topics!: string[];

  @ApiProperty({ type: PracticeSplitDto })
  @ValidateNested()
  @Type(() => PracticeSplitDto)
  practice!: PracticeSplitDto;

  @ApiPropertyOptional({ enum: MACRO_AREAS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(MACRO_AREAS, {
    each: true,
    message: `each macro area must be one of ${MACRO_AREAS.join(', ')}`,
  })
  macroAreas?: string[];

  @ApiPropertyOptional({ type: [ApprovalDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ApprovalDto)
  approvals?: ApprovalDto[];
}

/** A partial change; `version` is the one the client last saw. */
export class UpdateCreditDto
  extends PartialType(CreditInputDto)
  implements UpdateCreditRequest
{
  @ApiProperty()
  @IsInt({ message: 'version is required' })
  @Min(1)
  version!: number;
}

export class CreditsPageQueryDto {
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1)
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
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  deleted = false;
}
