/**
 * The embedded runtime as a backend: the SQLite store under `$FLUX_HOME` (the same file every
 * `flux` command and the demo use), workflow bodies run in this process from the modules loaded.
 * An execution driven by another process is followed by reading the shared file.
 */
import { ActorRuntime } from '../runtime/host/actor-runtime.js';
import { createRuntime, defaultDatabasePath } from '../runtime/api/create-runtime.js';
import type { ExecutionHandle, IdReusePolicy, Runtime } from '../runtime/host/runtime.js';
import type { ExecutionContext } from '../runtime/engine/execution-context.js';
import {
  ExecutionExistsError,
  FluxError,
  hasErrorCode,
  WorkflowMismatchError,
  WorkflowNotFoundError,
} from '../runtime/engine/errors.js';
import { isFinished, isSettled } from '../runtime/engine/execution-state.js';
import { checkExecutionId } from '../runtime/engine/names.js';
import { encodeValue } from '../runtime/engine/serialization.js';
import type { Backend, WaitOptions } from './backend.js';
import type { AnyWorkflow, LoadedModules } from './modules.js';
import { watchStoredLog } from './store-watch.js';

/** How to hand the embedded runtime a workflow's code. */
const PASS_MODULES = 'pass the file that defines it (flux: -m <file>; flux server: after the command)';

/** How often an execution driven elsewhere (another process on the same file) is read again. */
const POLL_MS = 100;

/**
 * @param recover take over, as they are found, the executions of this store's workflows defined here
 *   whose driving process died (`createRuntime({ recover: true })`): `flux exec` and `flux server`.
 */
export async function embeddedBackend(
  modules: LoadedModules,
  databasePath = defaultDatabasePath(),
  recover = false,
  retention?: string,
): Promise<Backend> {
  // The modules' workflows are served here: their declared schedules are made in the store and fired.
  const runtime: Runtime = await createRuntime({
    store: { sqlite: databasePath },
    recover,
    workflows: modules.allWorkflows,
    ...(retention !== undefined && { retention }),
  });
  const running = new Map<string, ExecutionHandle>();

  /** Waits for an execution this process does not drive, by reading it until it settles. */
  const poll = async (executionId: string, options: WaitOptions): Promise<ExecutionContext> => {
    const deadline = Date.now() + (options.timeoutMs ?? Infinity);
    for (;;) {
      const ctx = await runtime.inspect(executionId);
      if (isSettled(ctx.state)) return ctx;
      if (Date.now() > deadline)
        throw new FluxError(
          'RESULT_TIMEOUT',
          `execution ${executionId} did not pause or finish within ${options.timeoutMs} ms`,
          { executionId },
        );
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };

  const definition = (name: string) => {
    const found = modules.workflows.get(name);
    if (!found) {
      const known = [...modules.workflows.keys()];
      throw new WorkflowNotFoundError(
        name,
        {},
        `workflow '${name}' is not defined in the modules given${known.length ? ` (they define: ${known.join(', ')})` : ''}: ${PASS_MODULES}`,
      );
    }
    return found;
  };

  /** Remembers a run this process drives until it pauses or ends: `result` waits on it, `close` lets it settle. */
  const track = (handle: ExecutionHandle): ExecutionHandle => {
    running.set(handle.executionId, handle);
    void handle
      .result()
      .catch(() => undefined)
      .finally(() => running.delete(handle.executionId));
    return handle;
  };

  return {
    description: `embedded (${databasePath})`,
    graphs: () => [...modules.graphs.values()],
    health: async () => ({ ok: true }),
    async workflows() {
      return [...modules.workflows.keys()].sort();
    },
    async start(workflow, input, options = {}) {
      const found = definition(workflow);
      if (options.executionId !== undefined) {
        const executionId = checkExecutionId(options.executionId);
        const handle = await startUnder(runtime, found, executionId, input, options.version, options.idReuse);
        if (handle) track(handle);
        return executionId;
      }
      return track(await runtime.start(found, input, { ...(options.version && { version: options.version }) }))
        .executionId;
    },
    async result(executionId, options = {}) {
      const handle = running.get(executionId);
      return handle ? handle.result() : poll(executionId, options);
    },
    resume: (executionId, value, options = {}) =>
      runtime
        .resume(executionId, value, options.pause === undefined ? undefined : { pause: options.pause })
        .catch(withModulesHint),
    cancel: (executionId, options = {}) =>
      runtime.cancel(executionId, undefined, { rollback: options.rollback ?? false }).catch(withModulesHint),
    retry: (executionId) => runtime.retry(executionId).catch(withModulesHint),
    async fork(executionId, options) {
      const handle = await runtime.fork(executionId, options).catch(withModulesHint);
      return track(handle).executionId;
    },
    inspect: (executionId) => runtime.inspect(executionId),
    delete: (executionId) => runtime.delete(executionId),
    purge: (options) => runtime.purge(options),
    schedules: runtime.schedules,
    list: (filter) => runtime.list(filter),
    watch: (executionId, onEvent, delivered) => watchStoredLog(runtime, executionId, onEvent, delivered),
    async close() {
      await Promise.allSettled([...running.values()].map((handle) => handle.result()));
      await runtime.close();
    },
  };
}

/**
 * A start under the id the caller chose, as a NATS worker takes a start command: a new execution
 * under that id, or, when one exists, nothing at all (undefined): it is never run a second time,
 * and a paused one is not resumed. `Runtime.start({ executionId })` would continue it instead (and
 * refuse an id that does not exist yet), which is what `run(input, { executionId })` means in code.
 */
async function startUnder(
  runtime: Runtime,
  workflow: AnyWorkflow,
  executionId: string,
  input: unknown,
  version?: string,
  idReuse?: IdReusePolicy,
): Promise<ExecutionHandle | undefined> {
  const existing = await runtime.inspect(executionId).catch((error: unknown) => {
    if (hasErrorCode(error, 'EXECUTION_NOT_FOUND')) return undefined;
    throw error;
  });
  const again = existing !== undefined && idReuse === 'allowIfFinished' && isFinished(existing.state);
  if (existing && !again) {
    if (existing.name !== workflow.name) throw new WorkflowMismatchError(executionId, workflow.name, existing.name);
    // The same id and input is the same start (answered with it); another input is refused.
    const inputJson = encodeValue(input, `the input of workflow '${workflow.name}'`, executionId);
    if ((JSON.stringify(existing.input) ?? 'null') !== (inputJson ?? 'null'))
      throw new ExecutionExistsError(executionId, existing.state);
    return undefined;
  }
  if (!(runtime instanceof ActorRuntime))
    throw new FluxError('UNSUPPORTED', `the ${runtime.kind} runtime cannot start an execution under a given id`, {
      executionId,
    });
  // Should another process create it meanwhile, the store refuses the second writer of each event: one run goes on.
  return (
    await runtime.startAs(
      workflow,
      executionId,
      encodeValue(input, `the input of workflow '${workflow.name}'`, executionId),
      { version, idReuse },
    )
  ).handle;
}

/** A resume or cancel whose workflow this process does not define: say how to give it. */
function withModulesHint(error: unknown): never {
  if (error instanceof WorkflowNotFoundError && !error.message.includes(PASS_MODULES)) {
    throw new WorkflowNotFoundError(
      error.workflowName,
      { ...(error.executionId && { executionId: error.executionId }) },
      `${error.message}: ${PASS_MODULES}`,
    );
  }
  throw error;
}
