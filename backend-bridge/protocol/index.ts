/**
 * The wire contract shared by bridge and renderer. Imports nothing from Node,
 * the DOM or Electron, so it runs unchanged on both sides.
 */
export * from './version';
export * from './validation';
export * from './messages';
export * from './city';
export * from './city-summary';
export * from './typed-bundle';
export * from './traffic';
export * from './signals';
export * from './alerts';
export * from './roles';
export * from './drill-messages';
export * from './signal-messages';
export * from './wall-messages';
export * from './source-messages';
export * from './device-messages';
export * from './wall-layout';
export * from './cockpit-settings';
export * from './signal-rules';
export * from './signal-timing';
