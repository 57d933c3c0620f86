import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  LICENSE_ROLES,
  type CreateLicenseRequest,
  type UpdateLicenseRequest,
} from '@mezzo/shared-contracts';
import { Transform } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { trimString, upperString, ISO_DATE_PATTERN } from '@mezzo/api-core';

/** An optional date field, YYYY-MM-DD or null (whether it is a real date is the service's check). */
function NullableIsoDate(
  field: string,
  example: string,
  description?: string,
): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ example, nullable: true, description }),
    IsOptional(),
    ValidateIf((_o, v) => v !== null),
    IsString(),
    Matches(ISO_DATE_PATTERN, {
      message: `${field} must be a date YYYY-MM-DD`,
    }),
  );
}

export class CreateLicenseDto implements CreateLicenseRequest {
  @ApiProperty({ example: 'NJ' })
  @Transform(upperString)
  @IsString()
  @Matches(/^[A-Z]{2}$/, {
    message: 'jurisdiction must be a two-letter code such as NJ',
  })
  jurisdiction!: string;

  @ApiProperty({ example: 'LCSW' })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty({ message: 'licenseType is required' })
  @MaxLength(30)
  licenseType!: string;

  @ApiProperty({ example: '44SC12345600' })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty({ message: 'number is required' })
  @MaxLength(40)
  number!: string;

  @ApiProperty({ example: '2018-03-10' })
  @IsString()
  @Matches(ISO_DATE_PATTERN, {
    message: 'issuedOn must be a date YYYY-MM-DD',
  })
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
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(LICENSE_ROLES, {
    each: true,
    message: `each role must be one of ${LICENSE_ROLES.join(', ')}`,
  })
  roles?: string[];
}

export class UpdateLicenseDto
  extends PartialType(CreateLicenseDto)
  implements UpdateLicenseRequest
{
  @ApiProperty()
  @IsInt({ message: 'version is required' })
  @Min(1)
  version!: number;
}

export class ListLicensesQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
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
  asOf?: string;
}
