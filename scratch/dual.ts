import { workflow, createRuntime } from 'flux-actors';
import { startNatsServer } from '../test/fixtures/nats-server.js';
const server = await startNatsServer();
const flow = workflow(async function probeFlow() { return 1; });
const runtime = await createRuntime({ nats: { servers: server.url, prefix: 'p1', secretKeyFile: '/tmp/k.key' } });
const ctx = await runtime.run(flow);
console.log(ctx.state, ctx.output, ctx.events.map((e) => e.type));
console.log(await runtime.inspect(ctx.executionId).then((c) => c.events.length));
await runtime.close(); await server.dispose();
