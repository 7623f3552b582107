/** A step that fails after doing part of its work undoes it with its rollback. */
import { workflow, task } from 'flux-actors';
import { isMain } from './main.js';

export const ledger: string[] = [];

export const transfer = task.withOptions({
  rollback: async (amount: number) => {
    ledger.push(`refund ${amount}`);
  },
})(async function transfer(amount: number) {
  ledger.push(`debit ${amount}`);
  throw new Error('credit side rejected the transfer');
});

export const taskRollback = workflow(async function taskRollback() {
  try {
    await transfer(100);
    return 'transferred';
  } catch (error) {
    return `failed: ${(error as Error).message}`;
  }
});

if (isMain(import.meta.url)) {
  console.log((await taskRollback.run()).output, ledger);
}
