import { Global, Module } from '@nestjs/common';
import { DirectoryStatePublisher } from '../state/directory-state.publisher';
import { ChangeRecorder } from './change-recorder';

/** What every directory resource (and just-in-time provisioning) uses to record changes. */
@Global()
@Module({
  providers: [ChangeRecorder, DirectoryStatePublisher],
  exports: [ChangeRecorder, DirectoryStatePublisher],
})
export class SharedDirectoryModule {}
