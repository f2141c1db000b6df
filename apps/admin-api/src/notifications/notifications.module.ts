import { Module } from '@nestjs/common';
import { ContactVerificationController } from './contact-verification.controller';
import { EmailActionRunner } from './email-actions/email-action.runner';
import { EmailActionsController } from './email-actions/email-actions.controller';
import { MyNotificationSettingsController } from './my-notification-settings.controller';
import { PersonAccess } from './person-access';
import { PersonalSettings } from './personal-settings';
import { UserNotificationSettingsController } from './user-notification-settings.controller';

/**
 * The REST surface of notifications (notification owns the data): contact methods and rules, the public
 * pages of one-click email links and of email confirmation links.
 */
@Module({
  controllers: [
    UserNotificationSettingsController,
    MyNotificationSettingsController,
    EmailActionsController,
    ContactVerificationController,
  ],
  providers: [PersonAccess, PersonalSettings, EmailActionRunner],
})
export class NotificationsModule {}
