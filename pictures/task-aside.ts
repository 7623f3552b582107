/**
 * The tasks beside an execution's path: a note for Mermaid, a table in a cluster for Graphviz.
 * A long execution would bury the machine under its tasks, so a picture shows the first
 * `MAX_TASKS_SHOWN` and says how many more there are; `executionPath` still returns them all.
 */
import { taskLine, type TaskOutcome, type TaskSummary } from './task-summary.js';
import { dotString, htmlText } from './text.js';

export const MAX_TASKS_SHOWN = 40;

const OUTCOME_COLOURS: Record<TaskOutcome, string> = {
  completed: '#dcfce7',
  resumed: '#dcfce7',
  failed: '#fee2e2',
  paused: '#fef3c7',
  cancelled: '#e5e7eb',
  running: '#dbeafe',
};

export function tasksNote(tasks: readonly TaskSummary[]): string[] {
  if (tasks.length === 0) return ['no task calls'];
  return [`tasks (${tasks.length})`, ...tasks.slice(0, MAX_TASKS_SHOWN).map(taskLine), ...moreLine(tasks)];
}

export function tasksCluster(tasks: readonly TaskSummary[]): string[] {
  const rows = tasks.slice(0, MAX_TASKS_SHOWN).map(taskRow);
  const more = moreLine(tasks).map((line) => `<TR><TD COLSPAN="6">${htmlText(line)}</TD></TR>`);
  const table =
    tasks.length === 0
      ? '<TABLE BORDER="0"><TR><TD>no task calls</TD></TR></TABLE>'
      : `<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4">${HEADER}${rows.join('')}${more.join('')}</TABLE>`;
  return [
    'subgraph cluster_tasks {',
    `  label=${dotString(`tasks (${tasks.length})`)}; style=rounded; color="#d1d5db";`,
    // A name no state of the execution machine has, so the table never merges with a state.
    // In Courier: Graphviz sizes the cells from its own estimate of the font, and a browser's
    // monospace face has Courier's widths, where its Helvetica (often another sans) is wider.
    `  ${dotString('[task calls]')} [shape=plaintext, fontname="Courier", label=<${table}>];`,
    '}',
  ];
}

const HEADER = `<TR>${['#', 'task', 'outcome', 'retries', 'rollback', 'fallback'].map((h) => `<TD><B>${h}</B></TD>`).join('')}</TR>`;

function taskRow(task: TaskSummary, index: number): string {
  const name = `${task.nested ? '↳ ' : ''}${task.name}${task.childExecutionId ? ' (child workflow)' : ''}`;
  const cells = [
    `<TD>${index + 1}</TD>`,
    `<TD ALIGN="LEFT">${htmlText(name)}</TD>`,
    `<TD BGCOLOR="${OUTCOME_COLOURS[task.outcome]}">${task.outcome}</TD>`,
    `<TD>${task.retries || ''}</TD>`,
    `<TD>${task.rollback ?? ''}</TD>`,
    `<TD>${task.fallback ?? ''}</TD>`,
  ];
  return `<TR>${cells.join('')}</TR>`;
}

function moreLine(tasks: readonly TaskSummary[]): string[] {
  return tasks.length > MAX_TASKS_SHOWN ? [`… and ${tasks.length - MAX_TASKS_SHOWN} more`] : [];
}
