import { ApiPropertyOptional } from '@nestjs/swagger';
import type { UpdateSettingsRequest } from '@mezzo/shared-contracts';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsNumber,
  IsObject,
  IsOptional,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/** May be left out (unchanged), but not null: `IsOptional` would let null through to the database. */
const IfSent = () => ValidateIf((_o, v: unknown) => v !== undefined);

export class ReminderSwitchesDto {
  @ApiPropertyOptional()
  @IfSent()
  @IsBoolean({ message: 'deadlines must be true or false' })
  deadlines?: boolean;

  @ApiPropertyOptional()
  @IfSent()
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
  @IfSent()
  @IsDefined({ message: 'reminders must be an object' })
  @IsObject({ message: 'reminders must be an object' })
  @ValidateNested()
  @Type(() => ReminderSwitchesDto)
  reminders?: ReminderSwitchesDto;
}
