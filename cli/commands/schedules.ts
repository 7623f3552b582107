/** `flux schedule create | list | get | pause | resume | trigger | delete`: schedules, on NATS or the embedded store. */
import { Option, type Command } from 'commander';
import { usingBackend, withBackendOptions, type BackendFlags } from '../backend-options.js';
import { parseJsonArgument, printJson } from '../output.js';
import { checkName, FluxError, type ScheduleInfo, type ScheduleOptions } from '../../runtime/index.js';

interface CreateFlags extends BackendFlags {
  id?: string;
  cron?: string;
  every?: string;
  at?: string;
  input?: string;
  timezone?: string;
  overlap?: 'skip' | 'allow' | 'bufferOne';
  catchup?: 'none' | 'latest' | 'all';
  jitter?: string;
  paused?: boolean;
}

export function scheduleCommands(program: Command): void {
  const schedule = program
    .command('schedule')
    .description(
      'schedules: start a workflow on a cron, an interval, or once (embedded: fired by the process serving them)',
    );

  withBackendOptions(schedule.command('create'))
    .description('make a schedule; prints it')
    .argument('<workflow>', "the workflow's name")
    .option('--id <id>', "the schedule's id (default: the workflow's name)")
    .option('--cron <expression>', "a cron expression, e.g. '0 9 * * MON-FRI'")
    .option('--every <duration>', "an interval, e.g. '6h'")
    .option('--at <instant>', 'once, at this ISO 8601 instant')
    .option('--input <json>', 'the input of every execution it starts, as JSON')
    .option('--timezone <zone>', "an IANA time zone for --cron (default 'UTC')")
    .addOption(
      new Option('--overlap <policy>', 'a fire while the last run goes on').choices(['skip', 'allow', 'bufferOne']),
    )
    .addOption(new Option('--catchup <policy>', 'fires missed while nothing ran').choices(['none', 'latest', 'all']))
    .option('--jitter <duration>', 'delay each fire by up to this much')
    .option('--paused', 'make it paused')
    .action(async (workflow: string, flags: CreateFlags) => {
      checkName(workflow, 'workflow name');
      const options: ScheduleOptions & { id?: string } = {
        ...(flags.id !== undefined && { id: flags.id }),
        ...(flags.cron !== undefined && { cron: flags.cron }),
        ...(flags.every !== undefined && { every: flags.every }),
        ...(flags.at !== undefined && { at: flags.at }),
        ...(flags.input !== undefined && { input: parseJsonArgument(flags.input, 'the input') }),
        ...(flags.timezone !== undefined && { timezone: flags.timezone }),
        ...(flags.overlap !== undefined && { overlap: flags.overlap }),
        ...(flags.catchup !== undefined && { catchup: flags.catchup }),
        ...(flags.jitter !== undefined && { jitter: flags.jitter }),
        ...(flags.paused && { paused: true }),
      };
      await usingBackend(flags, async (backend) =>
        printSchedule(await backend.schedules.create(workflow, options), flags),
      );
    });

  withBackendOptions(schedule.command('list'))
    .description('list schedules with their next fire')
    .action(async (flags: BackendFlags) => {
      await usingBackend(flags, async (backend) => {
        const schedules = await backend.schedules.list();
        if (flags.json) return printJson(schedules);
        if (schedules.length === 0) return void process.stdout.write('no schedules\n');
        const lines = [
          `${'SCHEDULE'.padEnd(24)}  ${'WORKFLOW'.padEnd(20)}  ${'WHEN'.padEnd(24)}  ${'STATE'.padEnd(7)}  NEXT FIRE`,
        ];
        for (const s of schedules)
          lines.push(
            `${s.id.padEnd(24)}  ${s.workflow.padEnd(20)}  ${when(s).padEnd(24)}  ${(s.paused ? 'paused' : 'active').padEnd(7)}  ${s.nextFireAt ?? '-'}`,
          );
        process.stdout.write(`${lines.join('\n')}\n`);
      });
    });

  withBackendOptions(schedule.command('get'))
    .description('show a schedule and its recent runs')
    .argument('<id>')
    .action(async (id: string, flags: BackendFlags) => {
      await usingBackend(flags, async (backend) => printSchedule(await backend.schedules.get(id), flags));
    });

  for (const [name, description] of [
    ['pause', 'pause a schedule: it fires nothing until resumed'],
    ['resume', 'resume a paused schedule: it fires from now on (missed fires are not run)'],
  ] as const) {
    withBackendOptions(schedule.command(name))
      .description(description)
      .argument('<id>')
      .action(async (id: string, flags: BackendFlags) => {
        await usingBackend(flags, async (backend) => printSchedule(await backend.schedules[name](id), flags));
      });
  }

  withBackendOptions(schedule.command('trigger'))
    .description('start one run now; prints its execution id')
    .argument('<id>')
    .action(async (id: string, flags: BackendFlags) => {
      await usingBackend(flags, async (backend) => {
        const executionId = await backend.schedules.trigger(id);
        if (flags.json) printJson({ executionId });
        else process.stdout.write(`${executionId}\n`);
        // The embedded runtime runs it here: it must get to a pause or its end before the process goes.
        if (backend.description.startsWith('embedded')) await backend.result(executionId);
      });
    });

  withBackendOptions(schedule.command('delete'))
    .description('delete a schedule (its runs stay)')
    .argument('<id>')
    .action(async (id: string, flags: BackendFlags) => {
      await usingBackend(flags, async (backend) => {
        await backend.schedules.delete(id);
        if (flags.json) printJson({ deleted: id });
        else process.stdout.write(`deleted ${id}\n`);
      });
    });
}

function when(s: ScheduleInfo): string {
  if (s.cron !== undefined) return `cron ${s.cron}${s.timezone === 'UTC' ? '' : ` ${s.timezone}`}`;
  if (s.every !== undefined) return `every ${s.every / 1000}s`;
  if (s.at !== undefined) return `at ${s.at}`;
  throw new FluxError('INTERNAL', `schedule ${s.id} has no timing`);
}

function printSchedule(s: ScheduleInfo, flags: { json?: boolean }): void {
  if (flags.json) {
    printJson(s);
    return;
  }
  const lines = [
    `${s.id}  ${s.workflow}  ${when(s)}  ${s.paused ? 'paused' : 'active'}${s.declared ? '  (declared)' : ''}`,
    `  next fire: ${s.nextFireAt ?? '-'}   overlap: ${s.overlap}   catchup: ${s.catchup}`,
  ];
  if (s.input !== undefined) lines.push(`  input: ${JSON.stringify(s.input)}`);
  for (const run of s.recent)
    lines.push(`  ${run.fireAt}  ${run.executionId}  ${run.skipped ? `skipped (${run.skipped})` : (run.state ?? '-')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
