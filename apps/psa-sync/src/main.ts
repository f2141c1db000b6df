import 'reflect-metadata';
import { runService } from '@oncall/platform-runtime';
import { PsaSyncConfig } from './psa-sync.config';
import { psaSyncService } from './psa-sync.service';

void runService(PsaSyncConfig, psaSyncService);
