import 'reflect-metadata';
import { runService } from '@oncall/platform-runtime';
import { SchedulingConfig } from './scheduling.config';
import { schedulingService } from './scheduling.service';

void runService(SchedulingConfig, schedulingService);
