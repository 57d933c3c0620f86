export interface RemindersOptions {
  /**
   * Start pg-boss with the app: the daily scan schedule and the workers that send reminders. Off in
   * tests that only need settings or the calendar feed (nothing connects to the queue then).
   */
  runWorkers: boolean;
  /**
   * When the daily scan runs (cron, UTC). Default `0 14 * * *`: a morning email in every zone the
   * rule sets cover (9:00 in New York, 6:00 in Los Angeles in winter).
   */
  scanCron?: string;
  /**
   * The time zone whose calendar date a scan evaluates as "today". Default `America/Los_Angeles`, the
   * westernmost zone of the jurisdictions Mezzo covers: a scan never runs ahead of any licensee's
   * own date, so "due for renewal today" never arrives the evening before (a UTC date did, for the
   * West Coast, at 07:00 UTC).
   */
  scanTimeZone?: string;
  /**
   * Also queue a scan when the workers start. Default true: the schedule fires only at its minute,
   * so a product started after it (or down then) would wait a day; a scan sends nothing twice (the
   * ledger), so an extra one is harmless. Off in tests that scan on dates of their own.
   */
  scanOnStart?: boolean;
  /** Seconds before the first retry of a failed send (doubling with jitter after). Default 60. */
  retryDelaySeconds?: number;
  /** Attempts after the first for a failed send. Default 6. */
  retryLimit?: number;
  /** How often an idle worker looks for jobs. Default 2 (pg-boss's minimum is 0.5). */
  pollingIntervalSeconds?: number;
  /**
   * Send jobs a worker fetches at a time. Default 20. A full batch fetches the next one at once, so
   * a backlog drains at the pace of SMTP, not one email per polling interval.
   */
  sendBatchSize?: number;
}

export const REMINDERS_OPTIONS = Symbol('REMINDERS_OPTIONS');

export const SCAN_QUEUE = 'reminders.scan';
export const SEND_QUEUE = 'reminders.send';
