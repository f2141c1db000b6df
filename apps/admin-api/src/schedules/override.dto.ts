import { IsUUID } from 'class-validator';
import { IsInstant } from './instant.validator';
import { OptionalText } from '../shared/dto-fields';

/**
 * Who takes `[start, end)` of the schedule. Managers may give any window to anyone; a technician in the
 * schedule may take a window themselves, or give a window of their own shift to a colleague.
 */
export class CreateOverrideDto {
  /** An active user of your organization. */
  @IsUUID()
  userId!: string;

  /** A start in the past is moved to now: the past cannot be changed. */
  @IsInstant()
  start!: string;

  @IsInstant()
  end!: string;

  /** Vacation, swap, emergency… shown with the override. */
  @OptionalText(500)
  reason?: string;
}
