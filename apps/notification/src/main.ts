import 'reflect-metadata';
import { runService } from '@oncall/platform-runtime';
import { NotificationConfig } from './notification.config';
import { notificationService } from './notification.service';

void runService(NotificationConfig, notificationService);
