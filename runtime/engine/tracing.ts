/**
 * Traces through OpenTelemetry's API: a no-op until the application registers an SDK, so users who
 * do not trace pay for one non-recording span per run and nothing per task.
 *
 * One trace per execution, whichever process runs it: the trace id and the id of its root span are
 * derived from the execution id (the root span itself is never exported), so a resume or a
 * recovery in another process, or a task executor across NATS, lands in the same trace without the
 * log storing anything. Each run of the execution (a start, a resume, a wake, a recovery, a retry)
 * is a span under that root; each task command an executor carries out is a span under the run
 * (the W3C `traceparent` travels with the command), with a span per attempt under it and its
 * retries, fallback and rollback as events. A replayed step makes no span: it does not run.
 */
import { createHash } from 'node:crypto';
import {
  ROOT_CONTEXT,
  SpanStatusCode,
  TraceFlags,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
} from '@opentelemetry/api';

export const tracer = trace.getTracer('flux-actors');

/** Attribute names (there are no semantic conventions for workflow engines). */
export const ATTR = {
  executionId: 'flux.execution.id',
  workflow: 'flux.workflow.name',
  version: 'flux.workflow.version',
  runKind: 'flux.run.kind',
  state: 'flux.execution.state',
  taskName: 'flux.task.name',
  taskId: 'flux.task.id',
  attempt: 'flux.task.attempt',
  outcome: 'flux.task.outcome',
  part: 'flux.task.part',
} as const;

/** How a run began. */
export type RunKind = 'start' | 'resume' | 'wake' | 'recover' | 'retry';

const derived = new Map<string, Context>();

/** The context whose (virtual, remote) span is the execution's root: its ids follow from the execution id. */
export function executionContext(executionId: string): Context {
  const known = derived.get(executionId);
  if (known) return known;
  const digest = createHash('sha256').update(`flux-execution:${executionId}`).digest('hex');
  const ctx = trace.setSpanContext(ROOT_CONTEXT, {
    traceId: digest.slice(0, 32),
    spanId: digest.slice(32, 48),
    traceFlags: TraceFlags.SAMPLED,
    isRemote: true,
  });
  if (derived.size >= 1000) derived.delete(derived.keys().next().value!);
  derived.set(executionId, ctx);
  return ctx;
}

/** The trace id of an execution's trace (for logs and tests). */
export function executionTraceId(executionId: string): string {
  return trace.getSpanContext(executionContext(executionId))!.traceId;
}

/** A run of an execution: a span under its root, linked to the caller's span when one started it. */
export function startRunSpan(
  executionId: string,
  workflow: string,
  version: string | undefined,
  kind: RunKind,
  startTime: number,
  caller?: Context,
): Span {
  const attributes: Attributes = {
    [ATTR.executionId]: executionId,
    [ATTR.workflow]: workflow,
    [ATTR.runKind]: kind,
    ...(version !== undefined && { [ATTR.version]: version }),
  };
  const callerSpan = caller && trace.getSpanContext(caller);
  const links: Link[] = callerSpan ? [{ context: callerSpan }] : [];
  return tracer.startSpan(`flux.run ${workflow}`, { attributes, startTime, links }, executionContext(executionId));
}

/** Ends a run span with the state the execution reached. */
export function endRunSpan(span: Span, state: string, endTime: number, error?: { message: string }): void {
  span.setAttribute(ATTR.state, state);
  if (state === 'failed' || error)
    span.setStatus({ code: SpanStatusCode.ERROR, ...(error && { message: error.message }) });
  span.end(endTime);
}

/** The W3C `traceparent` of a recording span; undefined when nothing is traced. */
export function traceparentOf(span: Span | undefined): string | undefined {
  if (!span?.isRecording()) return undefined;
  const { traceId, spanId, traceFlags } = span.spanContext();
  return `00-${traceId}-${spanId}-${(traceFlags & TraceFlags.SAMPLED) === 1 ? '01' : '00'}`;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** The context a `traceparent` names (W3C Trace Context, version 00); undefined when it is not one. */
export function contextOfTraceparent(traceparent: string | undefined): Context | undefined {
  const match = traceparent === undefined ? null : TRACEPARENT.exec(traceparent);
  if (!match || /^0+$/.test(match[1]!) || /^0+$/.test(match[2]!)) return undefined;
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId: match[1]!,
    spanId: match[2]!,
    traceFlags: Number.parseInt(match[3]!, 16) & TraceFlags.SAMPLED,
    isRemote: true,
  });
}

/**
 * One part of a task command an executor carries out, under the run that sent it (the command's
 * `traceparent`): an attempt of the body (`flux.task <name>`), its fallback or its rollback. Kept
 * open until the next part starts or the command ends, so the retry, fallback and rollback decided
 * after it are its events.
 */
export function startPartSpan(
  parent: Context,
  task: { executionId: string; taskId: string; taskName: string },
  part: 'attempt' | 'fallback' | 'rollback',
  attempt: number,
  startTime: number,
): Span {
  return tracer.startSpan(
    part === 'attempt' ? `flux.task ${task.taskName}` : `flux.task ${task.taskName} ${part}`,
    {
      startTime,
      attributes: {
        [ATTR.executionId]: task.executionId,
        [ATTR.taskId]: task.taskId,
        [ATTR.taskName]: task.taskName,
        [ATTR.attempt]: attempt,
        ...(part !== 'attempt' && { [ATTR.part]: part }),
      },
    },
    parent,
  );
}

/** How a part of a task command went (its span ends later: see `startPartSpan`). */
export function markPartSpan(span: Span, outcome: 'completed' | 'failed', error?: { message: string }): void {
  span.setAttribute(ATTR.outcome, outcome);
  if (outcome === 'failed') span.setStatus({ code: SpanStatusCode.ERROR, ...(error && { message: error.message }) });
}
