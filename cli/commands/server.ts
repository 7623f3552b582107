/** `flux server [files...]`: the HTTP API and the web page, over NATS (a client) or the embedded runtime. */
import type { Command } from 'commander';
import { openBackend } from '../../control/open-backend.js';
import { createFluxServer } from '../../http/server.js';
import { natsLoginOf, withNatsLoginOptions, type NatsLoginFlags } from '../nats-login-options.js';
import { printJsonLine } from '../output.js';
import { positiveInteger } from './executions.js';

export function serverCommand(program: Command): void {
  withNatsLoginOptions(program.command('server'))
    .description('serve the HTTP API and the web page (on NATS it is a client: workflow bodies run on workers)')
    .argument('[files...]', 'embedded runtime: modules defining the workflows it runs')
    .option('--port <port>', 'the port to listen on (0: any free one)', (text) => (text === '0' ? 0 : positiveInteger(text, '--port')), 8000)
    .option('--host <host>', 'the address to listen on', '127.0.0.1')
    .option('--nats <url>', 'a NATS server (default: $FLUX_NATS_URL; unset: the embedded runtime under $FLUX_HOME)')
    .option('--prefix <prefix>', 'the prefix of every stream, bucket and subject on NATS', 'flux')
    .option('--json', 'say where it listens as a JSON line')
    .action(async (files: string[], flags: NatsLoginFlags & { port: number; host: string; nats?: string; prefix: string; json?: boolean }) => {
      const { backend } = await openBackend({ nats: flags.nats, prefix: flags.prefix, login: natsLoginOf(flags), modules: files });
      const server = createFluxServer({ backend });
      await new Promise<void>((resolve, reject) => server.once('error', reject).listen(flags.port, flags.host, resolve));
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : flags.port;
      const url = `http://${flags.host}:${port}`;
      if (flags.json) printJsonLine({ url, backend: backend.description });
      else process.stdout.write(`flux server on ${url} (${backend.description})\n`);
      await new Promise<void>((resolve) => {
        const stop = (signal: NodeJS.Signals) => {
          // Embedded: the executions this process runs pause or finish first (a sleeping one may take long).
          process.stderr.write(`flux server: ${signal}, draining (again to exit at once)\n`);
          process.once(signal, () => process.exit(130));
          server.closeAllConnections();
          server.close(() => resolve());
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await backend.close();
    });
}
