import { Module } from '@nestjs/common';

/** Walking skeleton: the service starts, migrates its schema, joins the bus and answers its probes. */
@Module({})
export class EscalationModule {}
