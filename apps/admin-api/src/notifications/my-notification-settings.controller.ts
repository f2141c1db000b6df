import { personalSettingsRoutes } from './personal-settings.controller';
import { ApiController } from '../shared/api-controller.decorator';

/** The caller's own contact methods and notification rules, whatever their role. */
@ApiController('notifications', 'api/v1/me')
export class MyNotificationSettingsController extends personalSettingsRoutes('self', {
  list: 'Your contact methods (your account email first)',
  create: 'Add a contact method (an email address is sent a confirmation link)',
  update: 'Change one of your contact methods',
  remove: 'Delete one of your contact methods no rule uses',
  sendVerification: 'Send one of your unconfirmed email addresses a new confirmation link',
  rules: 'Your notification rules per urgency',
  replaceRules: 'Replace your notification rules',
}) {}
