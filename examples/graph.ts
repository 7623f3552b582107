/** A graph of tasks: validate an order, then approve or reject it depending on the validation. */
import { workflow, task, Graph, type ExecutionContext } from 'flux-actors';
import { isMain } from './main.js';

export interface Order {
  id: string;
  amount: number;
}

export const validateOrder = task(async function validateOrder(order: Order) {
  return { order, valid: order.amount > 0 && order.amount <= 10_000 };
});
export const approveOrder = task(async function approveOrder(checked: { order: Order }) {
  return `order ${checked.order.id} approved`;
});
export const rejectOrder = task(async function rejectOrder(checked: { order: Order }) {
  return `order ${checked.order.id} rejected`;
});

export const orderGraph = new Graph('order_review')
  .addNode('validate', validateOrder)
  .addNode('approve', approveOrder)
  .addNode('reject', rejectOrder)
  .startWith('validate')
  .addEdge('validate', 'approve', (checked: { valid: boolean }) => checked.valid)
  .addEdge('validate', 'reject', async (checked: { valid: boolean }) => !checked.valid)
  .endWith('approve')
  .endWith('reject')
  .validate();

export const graphWorkflow = workflow(async function graphWorkflow(ctx: ExecutionContext<Order>) {
  return await orderGraph.run(ctx.input);
});

if (isMain(import.meta.url)) {
  console.log((await graphWorkflow.run({ id: 'A-1', amount: 250 })).output);
  console.log((await graphWorkflow.run({ id: 'A-2', amount: -5 })).output);
}
