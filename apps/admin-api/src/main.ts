import 'reflect-metadata';
import { runService } from '@oncall/platform-runtime';
import { AdminApiConfig } from './admin-api.config';
import { adminApiService } from './admin-api.service';

void runService(AdminApiConfig, adminApiService);
