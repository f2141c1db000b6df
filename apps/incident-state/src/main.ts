import 'reflect-metadata';
import { runService } from '@oncall/platform-runtime';
import { IncidentStateConfig } from './incident-state.config';
import { incidentStateService } from './incident-state.service';

void runService(IncidentStateConfig, incidentStateService);
