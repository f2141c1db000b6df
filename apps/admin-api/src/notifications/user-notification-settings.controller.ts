import { personalSettingsRoutes } from './personal-settings.controller';
import { ApiController } from '../shared/api-controller.decorator';

/** A person's contact methods and notification rules: a manager manages anyone's, others their own. */
@ApiController('notifications', 'api/v1/users/:id')
export class UserNotificationSettingsController extends personalSettingsRoutes('byId', {
  list: 'A person’s contact methods (their account email first)',
  create: 'Add a contact method (an email address is sent a confirmation link)',
  update: 'Change a contact method’s address or enable/disable it',
  remove: 'Delete a contact method no notification rule uses',
  sendVerification: 'Send an unconfirmed email contact method a new confirmation link',
  rules: 'A person’s notification rules per urgency',
  replaceRules: 'Replace a person’s notification rules (every urgency keeps at least one step)',
}) {}
