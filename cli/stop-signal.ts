/**
 * How a long-running command (worker, server) stops: the first SIGINT or SIGTERM drains, a second
 * exits at once (130). Installed before the command says it is ready: a supervisor that signals on
 * the ready line must never meet Node's default handler, which kills without draining.
 */
export function whenStopSignalled(who: string, drain: (signal: NodeJS.Signals) => Promise<void>): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.stderr.write(`${who}: ${signal}, draining (again to exit at once)\n`);
      process.once(signal, () => process.exit(130));
      void drain(signal).then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
