/**
 * The executions a driver in this process holds (or is about to): at most one driver each. Whoever
 * must wait for a driver to let one go (a parent taking up its child) is told when it does, instead
 * of looking again and again.
 */
export class Claims {
  /** Each execution held, with whoever waits for its release. */
  private readonly held = new Map<string, (() => void)[] | undefined>();

  has(executionId: string): boolean {
    return this.held.has(executionId);
  }

  add(executionId: string): void {
    if (!this.held.has(executionId)) this.held.set(executionId, undefined);
  }

  delete(executionId: string): void {
    const waiters = this.held.get(executionId);
    this.held.delete(executionId);
    for (const waiter of waiters ?? []) waiter();
  }

  /** Waits until no driver here holds the execution (it may be held again by the time the caller runs on). */
  async untilFree(executionId: string): Promise<void> {
    while (this.held.has(executionId)) await this.released(executionId);
  }

  /** Holds the execution, once nobody here does: the check and the hold happen together. */
  async acquire(executionId: string): Promise<void> {
    while (this.held.has(executionId)) await this.released(executionId);
    this.held.set(executionId, undefined);
  }

  /** Resolves once the execution is no longer held (at once when it is not); another driver may hold it again by then. */
  released(executionId: string): Promise<void> {
    if (!this.held.has(executionId)) return Promise.resolve();
    return new Promise((resolve) => {
      const waiters = this.held.get(executionId);
      if (waiters) waiters.push(resolve);
      else this.held.set(executionId, [resolve]);
    });
  }
}
