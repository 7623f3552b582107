/** `flux server [files...]`: the HTTP API and the web page, over NATS (a client) or the embedded runtime. */
import { Option, type Command } from 'commander';
import { openBackend } from '../../control/open-backend.js';
import { prometheusMetrics } from '../../control/prometheus-metrics.js';
import { checkTokenChoice, isLoopbackAddress } from '../../http/access.js';
import { createFluxServer, DEFAULT_MAX_STREAMS, tokenRequired } from '../../http/server.js';
import { natsLoginOf, withNatsLoginOptions, type NatsLoginFlags } from '../nats-login-options.js';
import { printJsonLine } from '../output.js';
import { whenStopSignalled } from '../stop-signal.js';
import { positiveInteger } from './executions.js';
import { durationArgument } from './deletes.js';
import { FluxError, jsonLogger, LOG_LEVELS, type LogLevel } from '../../runtime/index.js';

interface ServerFlags {
  port: number;
  host: string;
  nats?: string;
  prefix: string;
  json?: boolean;
  token?: string;
  allowedHost: string[];
  maxStreams: number;
}

export function serverCommand(program: Command): void {
  const command = withNatsLoginOptions(program.command('server'), '--nats-token')
    .description('serve the HTTP API and the web page (on NATS it is a client: workflow bodies run on workers)')
    .argument('[files...]', 'embedded runtime: modules defining the workflows it runs')
    .option(
      '--port <port>',
      'the port to listen on (0: any free one)',
      (text) => (text === '0' ? 0 : positiveInteger(text, '--port')),
      8000,
    )
    .option(
      '--host <host>',
      'the address to listen on (another than 127.0.0.1/localhost/::1 needs --token)',
      '127.0.0.1',
    )
    .option('--nats <url>', 'a NATS server (default: $FLUX_NATS_URL; unset: the embedded runtime under $FLUX_HOME)')
    .option('--prefix <prefix>', 'the prefix of every stream, bucket and subject on NATS', 'flux')
    .option(
      '--retention <duration>',
      "embedded: delete finished executions this long after their end, e.g. '30d' (on NATS, workers do: flux worker --retention)",
      durationArgument,
    );
  httpOptions(command)
    .option('--json', 'say where it listens as a JSON line')
    .addOption(
      new Option(
        '--log-level <level>',
        'log its notable events (start, NATS lost and back, stop) as JSON lines on stderr',
      )
        .choices(LOG_LEVELS)
        .default('info'),
    )
    .action(
      async (
        files: string[],
        flags: ServerFlags &
          Omit<NatsLoginFlags, 'token'> & { natsToken?: string; logLevel: LogLevel; retention?: string },
      ) => {
        const logger = jsonLogger(flags.logLevel);
        const token = flags.token || process.env.FLUX_TOKEN || undefined;
        // Before anything is opened: a server others could reach without a token never starts.
        if (!token && !isLoopbackAddress(flags.host)) throw tokenRequired(flags.host);
        if (flags.retention !== undefined && (flags.nats ?? process.env.FLUX_NATS_URL))
          throw new FluxError(
            'BAD_ARGUMENT',
            'on NATS the server is a client and deletes nothing by itself: give the workers --retention',
          );
        checkTokenChoice(token);
        const { backend } = await openBackend({
          nats: flags.nats,
          prefix: flags.prefix,
          login: natsLoginOf(flags, '--nats-token'),
          modules: files,
          recover: true,
          logger,
          retention: flags.retention,
        });
        // GET /metrics, when the optional packages are there (else it answers 501 METRICS_UNAVAILABLE).
        const metrics = await prometheusMetrics().catch((error: Error) => {
          logger.info?.(error.message);
          return undefined;
        });
        const server = createFluxServer({
          backend,
          metrics,
          token,
          allowedHosts: allowedHosts(flags),
          maxStreams: flags.maxStreams,
        });
        await new Promise<void>((resolve, reject) =>
          server.once('error', reject).listen(flags.port, flags.host, resolve),
        );
        // Embedded: the executions this process runs pause or finish first (a sleeping one may take long).
        const stopped = whenStopSignalled(
          'flux server',
          () =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        );
        const address = server.address();
        const port = typeof address === 'object' && address ? address.port : flags.port;
        const url = `http://${flags.host.includes(':') ? `[${flags.host}]` : flags.host}:${port}`;
        if (flags.json) printJsonLine({ url, backend: backend.description, token: token !== undefined });
        else process.stdout.write(`flux server on ${url} (${backend.description}${token ? ', token required' : ''})\n`);
        logger.info?.('server started', { url, backend: backend.description });
        await stopped;
        await backend.close();
        logger.info?.('server stopped', { url });
      },
    );
}

/** Who may use the server: the token, the Host names it answers to, how many streams it holds open. */
function httpOptions(command: Command): Command {
  return command
    .option(
      '--token <token>',
      'every API request must send "Authorization: Bearer <token>" (default: $FLUX_TOKEN; prefer it: a flag shows in ps)',
    )
    .option(
      '--allowed-host <name>',
      'a Host name (or name:port) the server answers to besides localhost, 127.0.0.1, [::1] and --host; repeatable',
      (name: string, names: string[]) => [...names, name],
      [],
    )
    .option(
      '--max-streams <n>',
      'how many event streams may be open at once',
      (text) => positiveInteger(text, '--max-streams'),
      DEFAULT_MAX_STREAMS,
    );
}

/** The --allowed-host names and the --host address (not a wildcard: no request names 0.0.0.0). */
function allowedHosts(flags: ServerFlags): string[] {
  const wildcard = ['0.0.0.0', '::', '[::]'].includes(flags.host);
  const host = flags.host.includes(':') && !flags.host.startsWith('[') ? `[${flags.host}]` : flags.host;
  return [...flags.allowedHost, ...(wildcard ? [] : [host])];
}
