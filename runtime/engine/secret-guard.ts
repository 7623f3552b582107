/**
 * The secret values one execution knows, kept off its log: `ExecutionLog.append` passes every value
 * through here, whatever path it came by (arguments, outputs, errors, progress, pauses, resumes,
 * nested calls, children).
 *
 * What the execution knows: the secrets its workflow requests, those of every task recorded in its
 * log (both resolved before a run records anything), those of each task it calls (resolved before
 * the task's command leaves), and those a calling task holds when its body calls a nested task.
 * A secret none of these name is not known, and not guarded.
 */
import { redactJson, restoreJson, secretIn, type SecretManager } from './secrets.js';

export class SecretGuard {
  private readonly values: Record<string, string> = Object.create(null) as Record<string, string>;
  /** Names asked for, and the look-up of each still under way. */
  private readonly asked = new Map<string, Promise<void> | undefined>();
  private size = 0;

  constructor(private readonly manager: SecretManager | undefined) {}

  /** No secret is known: values pass through untouched, at no cost. */
  get empty(): boolean {
    return this.size === 0;
  }

  /** Secrets already resolved elsewhere (a calling task's): known from now on. */
  know(values: Readonly<Record<string, string>>): void {
    for (const [name, value] of Object.entries(values)) this.add(name, value);
  }

  /**
   * Resolves the named secrets not known yet. Undefined when there is nothing to wait for, so the
   * common case stays synchronous. A secret that does not exist (or cannot be read here) is left
   * out: the task that requests it fails, naming it, at its executor.
   */
  learn(names: readonly string[] | undefined): Promise<void> | undefined {
    if (!names?.length || !this.manager) return undefined;
    let waits: Promise<void>[] | undefined;
    for (const name of names) {
      if (!this.asked.has(name)) {
        const lookup = this.manager.get(name).then(
          (value) => {
            if (value !== undefined) this.add(name, value);
            this.asked.set(name, undefined);
          },
          // A store that could not answer now is asked again next time: the secret stays guarded.
          () => void this.asked.delete(name),
        );
        this.asked.set(name, lookup);
      }
      const pending = this.asked.get(name);
      if (pending) {
        waits ??= [];
        waits.push(pending);
      }
    }
    return waits && Promise.all(waits).then(() => undefined);
  }

  /** Resolves named secrets for code that needs their values (a rollback); they are known from then on. */
  async resolve(names: readonly string[], taskName: string, executionId: string): Promise<Record<string, string>> {
    if (!names.length || !this.manager) return {};
    const values = await this.manager.resolve(names, taskName, executionId);
    this.know(values);
    return values;
  }

  /** The name of a known secret the JSON text carries, if any. */
  find(json: string): string | undefined {
    return this.size === 0 ? undefined : secretIn(json, this.values);
  }

  /** The JSON text with every known secret value replaced by `[secret NAME]`. */
  redact(json: string): string;
  redact(json: string | undefined): string | undefined;
  redact(json: string | undefined): string | undefined {
    return json === undefined || this.size === 0 ? json : redactJson(json, this.values);
  }

  /**
   * The JSON text with each `[secret NAME]` of a known secret back to its value (a call's own
   * arguments, for its rollback), except the names in `unless`.
   */
  restore(json: string | undefined, unless: ReadonlySet<string>): string | undefined {
    if (json === undefined || this.size === 0) return json;
    const values = Object.fromEntries(Object.entries(this.values).filter(([name]) => !unless.has(name)));
    return restoreJson(json, values);
  }

  private add(name: string, value: string): void {
    if (!value || this.values[name] === value) return;
    if (!Object.hasOwn(this.values, name)) this.size++;
    this.values[name] = value;
  }
}
