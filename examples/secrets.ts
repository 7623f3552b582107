/** A task reads the secrets it asked for; no value ever reaches the event log. */
import { workflow, task, taskContext, createRuntime } from 'flux-actors';
import { isMain } from './main.js';

export const callApi = task.withOptions({ secretRequests: ['API_KEY'] })(async function callApi(path: string) {
  const { API_KEY } = taskContext().secrets;
  return `GET ${path} with a key of ${API_KEY!.length} characters`;
});

export const secretRequests = workflow(async function secretRequests() {
  return await callApi('/orders');
});

if (isMain(import.meta.url)) {
  const runtime = await createRuntime({ store: 'memory' });
  await runtime.secrets.set('API_KEY', 'sk-example-123');
  console.log((await secretRequests.run(undefined, { runtime })).output);
}
