import { ApiPropertyOptional } from '@nestjs/swagger';
import type { UpdateSettingsRequest } from '@mezzo/shared-contracts';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsObject,
  IsOptional,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/**
 * A finite number with at most two decimals. class-validator's `IsNumber({ maxDecimalPlaces })`
 * reads the decimals from the number's text and throws on exponent forms such as 1e-7 (a 500).
 */
const TwoDecimals = (message: string) =>
  ValidateBy({
    name: 'twoDecimals',
    validator: {
      validate: (v: unknown) =>
        typeof v === 'number' &&
        Number.isFinite(v) &&
        Math.abs(Math.round(v * 100) - v * 100) < 1e-6,
      defaultMessage: () => message,
    },
  });

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
  @TwoDecimals(
    'advocacyFloorPercent must be a number with at most 2 decimals, or null',
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
