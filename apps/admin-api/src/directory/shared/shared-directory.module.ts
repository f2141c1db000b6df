import { Global, Module } from '@nestjs/common';
import { ChangeRecorder } from './change-recorder';

/** What every directory resource (and just-in-time provisioning) uses to record changes. */
@Global()
@Module({ providers: [ChangeRecorder], exports: [ChangeRecorder] })
export class SharedDirectoryModule {}
