import 'reflect-metadata';
import { runService } from '@oncall/platform-runtime';
import { DedupGroupingConfig } from './dedup-grouping.config';
import { dedupGroupingService } from './dedup-grouping.service';

void runService(DedupGroupingConfig, dedupGroupingService);
