/** What a cancel asks for. */
export interface CancelOptions {
  /**
   * Run the rollback of every task that has one and completed, or was interrupted by the cancel
   * (it may have done part of its effect), newest first, before `cancelled`.
   */
  rollback?: boolean;
}
