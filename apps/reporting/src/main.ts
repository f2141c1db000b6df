import 'reflect-metadata';
import { runService } from '@oncall/platform-runtime';
import { ReportingConfig } from './reporting.config';
import { reportingService } from './reporting.service';

void runService(ReportingConfig, reportingService);
