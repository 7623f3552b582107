/**
 * Where the runtime reports what it dropped or could not do on its own (a message it could not
 * decode, a consumer it had to recreate): nothing a caller asked for, so there is nobody to throw to.
 */
export interface Logger {
  warn(message: string): void;
  error(message: string): void;
}

/** Lines on stderr, each naming flux-actors. */
export const consoleLogger: Logger = {
  warn: (message) => console.warn(`flux-actors: ${message}`),
  error: (message) => console.error(`flux-actors: ${message}`),
};
