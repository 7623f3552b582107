/**
 * Type tests: checked by `npm run typecheck` (part of `npm test`), never run. Each `@ts-expect-error`
 * marks a wrong use the types must refuse: if they stopped refusing it, the directive would be
 * unused and the typecheck would fail. `Same` asserts a type exactly.
 */
import {
  call,
  pipeline,
  task,
  workflow,
  type Client,
  type ErrorInfo,
  type Execution,
  type ExecutionContext,
  type Runtime,
} from 'flux-actors';

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function same<A, B>(_check: Same<A, B>): void {}

interface Order {
  id: string;
  amount: number;
}
interface Receipt {
  orderId: string;
  charged: number;
}

const charge = task(async (order: Order) => order.amount * 100);
const checkout = workflow(async (ctx: ExecutionContext<Order>): Promise<Receipt> => {
  const cents = await charge(ctx.input);
  return { orderId: ctx.input.id, charged: cents };
});

export async function executions(runtime: Runtime): Promise<void> {
  const ctx = await checkout.run({ id: 'o-1', amount: 3 }, { runtime });
  same<typeof ctx, Execution<Order, Receipt>>(true);

  // The output is the workflow's only once it succeeded; a failure is an ErrorInfo, not a Receipt.
  // @ts-expect-error: unchecked, the output may be an error or a pause's output
  const unchecked: Receipt = ctx.output;
  void unchecked;
  if (ctx.state === 'succeeded') same<typeof ctx.output, Receipt>(true);
  if (ctx.state === 'failed') {
    same<typeof ctx.output, ErrorInfo>(true);
    same<typeof ctx.error, ErrorInfo>(true);
  }
  if (ctx.state === 'cancelled') same<typeof ctx.output, undefined>(true);
  same<typeof ctx.input, Order>(true);

  // @ts-expect-error: the input must be an Order
  await checkout.run({ id: 'o-2' }, { runtime });
  const resumed = await checkout.resume(ctx.executionId, 'ok', { runtime });
  if (resumed.state === 'succeeded') same<typeof resumed.output, Receipt>(true);
}

export async function clientHandles(client: Client): Promise<void> {
  const handle = await client.startWorkflow(checkout, { id: 'o-3', amount: 1 });
  const done = await handle.result({ timeoutMs: 1000 });
  if (done.state === 'succeeded') same<typeof done.output, Receipt>(true);
  const later = client.handle(checkout, handle.executionId);
  same<Awaited<ReturnType<typeof later.resume>>, Execution<Order, Receipt>>(true);
  // @ts-expect-error: a start takes the workflow's input
  await client.startWorkflow(checkout, 'not an order');
}

export async function composition(): Promise<void> {
  const parse = task(async (text: string) => text.split(','));
  const count = task(async (items: string[]) => items.length);
  const total = await pipeline(parse, count, { input: 'a,b' });
  same<typeof total, number>(true);
  // @ts-expect-error: count takes string[], not number
  await pipeline(count, count, { input: ['a'] });
  // @ts-expect-error: the input must be what the first stage takes
  await pipeline(parse, count, { input: 3 });

  const child = workflow(async (ctx: ExecutionContext<number>) => `${ctx.input}`);
  same<Awaited<ReturnType<typeof call<number, string>>>, string>(true);
  const out = await call(child, 2);
  same<typeof out, string>(true);
  // @ts-expect-error: the child's input is a number
  await call(child, 'two');
}

export function taskOptions(): void {
  // A fallback takes the task's arguments and its result becomes the task's.
  const priced = task.withOptions({ fallback: async (_order: Order) => 'unpriced' as const })(
    async (order: Order) => order.amount,
  );
  same<Awaited<ReturnType<typeof priced>>, number | 'unpriced'>(true);
  task.withOptions({ rollback: async (_order: Order) => undefined })(async (order: Order) => order.amount);
  // @ts-expect-error: a fallback that cannot take the task's arguments
  task.withOptions({ fallback: async (_n: number) => 0 })(async (order: Order) => order.amount);
  // @ts-expect-error: a rollback that cannot take the task's arguments
  task.withOptions({ rollback: async (_s: string) => undefined })(async (order: Order) => order.amount);
}
