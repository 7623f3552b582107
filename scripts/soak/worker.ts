/** A soak worker process: `node --import tsx worker.ts <nats url> <prefix>`; prints "ready". */
import { startWorker } from 'flux-actors';
import { soakFlow, soakStep } from './workflow.js';

const [url, prefix] = process.argv.slice(2);
const worker = await startWorker({
  nats: {
    servers: url!,
    prefix: prefix!,
    secretKeyFile: `${process.env.FLUX_HOME}/secret.key`,
    logger: { warn: () => undefined, error: (m) => console.error(m) },
  },
  workflows: [soakFlow],
  tasks: [soakStep],
  leaseMs: Number(process.env.SOAK_LEASE_MS ?? 2000),
});
process.stdout.write('ready\n');
process.once('SIGTERM', () => void worker.stop().then(() => process.exit(0)));
