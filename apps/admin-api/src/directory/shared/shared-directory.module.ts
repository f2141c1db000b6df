import { Global, Module } from '@nestjs/common';
import { DirectoryStatePublisher } from '../state/directory-state.publisher';
import { ActiveUsersRepository } from '../users/active-users.repository';
import { ChangeRecorder } from './change-recorder';

/** What every directory resource (and just-in-time provisioning) uses to record changes, and who is active. */
@Global()
@Module({
  providers: [ChangeRecorder, DirectoryStatePublisher, ActiveUsersRepository],
  exports: [ChangeRecorder, DirectoryStatePublisher, ActiveUsersRepository],
})
export class SharedDirectoryModule {}
