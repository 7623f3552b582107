import { workflow, task, createRuntime } from 'flux-actors';
import { startNatsServer } from '../test/fixtures/nats-server.js';
const server = await startNatsServer();
const t = task(async function dbgTask(n: number) { return n + 1; });
const flow = workflow(async function probeFlow() { return (await t(1)) + (await t(2)); });
const runtime = await createRuntime({ nats: { servers: server.url, prefix: 'p1', secretKeyFile: '/tmp/k.key' } });
const ctx = await runtime.run(flow);
console.log(ctx.state, ctx.output, ctx.events.map((e) => e.type));
await runtime.close(); await server.dispose();
