/**
 * `schedule(workflow, options)`: makes a schedule that starts the workflow on a cron, an interval or
 * once, in the given runtime (default: the default runtime). The same as `runtime.schedules.create`.
 *
 * @example
 * await schedule(dailyReport, { cron: '0 9 * * MON-FRI', timezone: 'America/New_York', id: 'weekday-report' });
 */
import type { Runtime } from '../host/runtime.js';
import type { ScheduleInfo } from '../host/schedules.js';
import type { ScheduleOptions } from '../engine/schedule-spec.js';
import type { WorkflowDefinition } from '../engine/workflow-definition.js';
import { getDefaultRuntime } from './default-runtime.js';

export async function schedule<I>(
  workflow: WorkflowDefinition<I, unknown>,
  options: ScheduleOptions<I> & { id?: string; runtime?: Runtime },
): Promise<ScheduleInfo> {
  const { runtime, ...rest } = options;
  return (runtime ?? (await getDefaultRuntime())).schedules.create(workflow, rest);
}
