import 'reflect-metadata';
import { runService } from '@oncall/platform-runtime';
import { EscalationConfig } from './escalation.config';
import { escalationService } from './escalation.service';

void runService(EscalationConfig, escalationService);
