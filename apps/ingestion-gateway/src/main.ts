import 'reflect-metadata';
import { runService } from '@oncall/platform-runtime';
import { IngestionGatewayConfig } from './ingestion-gateway.config';
import { ingestionGatewayService } from './ingestion-gateway.service';

void runService(IngestionGatewayConfig, ingestionGatewayService);
