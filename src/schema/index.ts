export * from './primitives.js';
export * from './context.js';
export * from './action.js';
export * from './decision.js';
export * from './profile.js';
