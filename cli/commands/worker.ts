/**
 * `flux worker <file...>`: hosts the workflows and tasks those modules export, on NATS, until
 * SIGINT or SIGTERM; then drains (takes nothing new, lets what it drives pause or finish). A second
 * signal exits at once: another worker takes over what was left, by replay.
 */
import { Option, type Command } from 'commander';
import { loadModules } from '../../control/modules.js';
import { metricsServer, prometheusMetrics } from '../../control/prometheus-metrics.js';
import { natsConnectError, natsConnectOptions } from '../../control/nats-login.js';
import { redactCredentials } from '../../control/redact.js';
import { natsLoginOf, withNatsLoginOptions, type NatsLoginFlags } from '../nats-login-options.js';
import { printJsonLine } from '../output.js';
import { whenStopSignalled } from '../stop-signal.js';
import { positiveInteger } from './executions.js';
import { durationArgument } from './deletes.js';
import { FluxError, jsonLogger, LOG_LEVELS, startWorker, type LogLevel } from '../../runtime/index.js';

export function workerCommand(program: Command): void {
  withNatsLoginOptions(program.command('worker'))
    .description('host the workflows and tasks the modules export, on NATS, until SIGINT/SIGTERM (then drain)')
    .argument('<files...>', 'modules (.ts or .js) exporting workflows and tasks')
    .option('--nats <url>', 'the NATS server (default: $FLUX_NATS_URL)')
    .option('--prefix <prefix>', 'the prefix of every stream, bucket and subject', 'flux')
    .option(
      '--concurrency <n>',
      'starts and resumes handled at once',
      (text) => positiveInteger(text, '--concurrency'),
      64,
    )
    .option('--json', 'say when it serves and when it stopped as JSON lines on stdout')
    .option(
      '--metrics-port <port>',
      'serve Prometheus metrics at GET /metrics on this port (0: any free one), on --metrics-host',
      (text) => (text === '0' ? 0 : positiveInteger(text, '--metrics-port')),
    )
    .option('--metrics-host <host>', 'the address the metrics are served on', '127.0.0.1')
    .option(
      '--retention <duration>',
      "delete finished executions this long after their end, e.g. '30d' (one worker at a time does)",
      durationArgument,
    )
    .addOption(
      new Option(
        '--log-level <level>',
        'log its notable events (start, takeover, refusal, reconnect) as JSON lines on stderr, from this level up',
      )
        .choices(LOG_LEVELS)
        .default('info'),
    )
    .action(
      async (
        files: string[],
        flags: NatsLoginFlags & {
          nats?: string;
          prefix: string;
          concurrency: number;
          json?: boolean;
          logLevel: LogLevel;
          metricsPort?: number;
          metricsHost: string;
          retention?: string;
        },
      ) => {
        const url = flags.nats ?? process.env.FLUX_NATS_URL;
        if (!url) throw new FluxError('NATS_REQUIRED', 'a worker runs on NATS: pass --nats URL or set FLUX_NATS_URL');
        const connection = natsConnectOptions(url, natsLoginOf(flags));
        const modules = await loadModules(files);
        if (modules.workflows.size === 0 && modules.tasks.size === 0)
          throw new FluxError('NOTHING_TO_SERVE', `${files.join(', ')} export no workflow and no task`);
        // Registered before the worker starts, so what it counts from its first command is served.
        const metrics = flags.metricsPort === undefined ? undefined : metricsServer(await prometheusMetrics());
        if (metrics) {
          await new Promise<void>((resolve, reject) =>
            metrics.once('error', reject).listen(flags.metricsPort, flags.metricsHost, resolve),
          );
          const address = metrics.address();
          const port = typeof address === 'object' && address ? address.port : flags.metricsPort;
          process.stderr.write(`flux worker: metrics on http://${flags.metricsHost}:${port}/metrics\n`);
        }
        const worker = await startWorker({
          nats: { ...connection, prefix: flags.prefix, maxReconnectAttempts: -1, logger: jsonLogger(flags.logLevel) },
          workflows: modules.allWorkflows,
          tasks: [...modules.tasks.values()],
          concurrency: flags.concurrency,
          ...(flags.retention !== undefined && { retention: flags.retention }),
        }).catch((error: unknown) => {
          throw natsConnectError(url, error);
        });
        const stopped = whenStopSignalled('flux worker', async () => {
          await worker.stop();
          metrics?.close();
        });
        const where = redactCredentials(url);
        const served = (names: Iterable<string>) => [...names].join(', ') || 'none';
        process.stderr.write(
          `flux worker ${worker.id} on ${where}: workflows ${served(modules.workflows.keys())}; tasks ${served(modules.tasks.keys())}\n`,
        );
        if (flags.json)
          printJsonLine({
            worker: worker.id,
            nats: where,
            prefix: flags.prefix,
            workflows: [...modules.workflows.keys()],
            tasks: [...modules.tasks.keys()],
          });
        await stopped;
        process.stderr.write('flux worker: stopped\n');
        if (flags.json) printJsonLine({ worker: worker.id, stopped: true });
      },
    );
}
