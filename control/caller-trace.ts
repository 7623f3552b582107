/**
 * The trace context a request to the HTTP API carries (a W3C `traceparent` header): what it starts
 * or resumes runs in it, so the execution's run links to the caller's span. A no-op without an
 * OpenTelemetry SDK (no context manager: nothing is carried).
 */
import { context } from '@opentelemetry/api';
import { contextOfTraceparent } from '../runtime/engine/tracing.js';

export function withCallerTrace<T>(traceparent: string | string[] | undefined, work: () => Promise<T>): Promise<T> {
  const caller = contextOfTraceparent(typeof traceparent === 'string' ? traceparent : undefined);
  return caller ? context.with(caller, work) : work();
}
