import { ApiPropertyOptional } from '@nestjs/swagger';
import type { UpdateSettingsRequest } from '@mezzo/shared-contracts';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsNumber,
  IsObject,
  IsOptional,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export class ReminderSwitchesDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'deadlines must be true or false' })
  deadlines?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'advocacy must be true or false' })
  advocacy?: boolean;
}

export class UpdateSettingsDto implements UpdateSettingsRequest {
  @ApiPropertyOptional({
    nullable: true,
    minimum: 0,
    maximum: 100,
    description:
      'Advocacy floor in percent (2 decimals at most); null = default 10%',
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsNumber(
    { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false },
    {
      message:
        'advocacyFloorPercent must be a number with at most 2 decimals, or null',
    },
  )
  @Min(0, { message: 'advocacyFloorPercent must be at least 0' })
  @Max(100, { message: 'advocacyFloorPercent must be at most 100' })
  advocacyFloorPercent?: number | null;

  @ApiPropertyOptional({ type: ReminderSwitchesDto })
  @IsOptional()
  @IsObject({ message: 'reminders must be an object' })
  @ValidateNested()
  @Type(() => ReminderSwitchesDto)
  reminders?: ReminderSwitchesDto;
}
