export * from './incident.types';
export * from './incident.state';
export * from './incident.commands';
export * from './incident.events';
export * from './incident.errors';
export * from './decide';
export * from './evolve';
export * from './incident.decider';
