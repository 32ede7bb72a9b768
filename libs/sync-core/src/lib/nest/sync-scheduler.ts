import { Injectable, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob, CronTime } from 'cron';

import type { Integration, SyncJob } from '../runner/sync-job';
import { SyncRunner } from '../runner/sync-runner';

const jobName = (integration: Integration) => `sync:${integration}`;

/**
 * The time between two consecutive runs of a cron schedule (UTC), measured from `from`.
 * @throws Error on an invalid cron expression.
 */
export function cronIntervalMs(cron: string, from: Date = new Date()): number {
  const time = new CronTime(cron, 'UTC');
  const first = time.getNextDateFrom(from).toJSDate();
  return time.getNextDateFrom(first).toJSDate().getTime() - first.getTime();
}

/** Runs each registered job on its cron schedule; overlapping ticks are skipped by the runner. */
@Injectable()
export class SyncScheduler {
  private readonly logger = new Logger(SyncScheduler.name);
  private readonly scheduled = new Set<Integration>();

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly runner: SyncRunner,
  ) {}

  /**
   * Schedules `job` with a cron expression (UTC). Registering the same integration twice replaces
   * the earlier schedule.
   * @throws Error on an invalid cron expression.
   */
  schedule(job: SyncJob, cron: string): void {
    const name = jobName(job.integration);
    if (this.registry.doesExist('cron', name)) this.registry.deleteCronJob(name);
    const cronJob = CronJob.from({ cronTime: cron, timeZone: 'UTC', onTick: () => void this.runNow(job, 'scheduled') });
    this.registry.addCronJob(name, cronJob);
    cronJob.start();
    this.scheduled.add(job.integration);
    this.logger.log(`${job.integration}: scheduled "${cron}" (UTC), next run ${this.nextRunAt(job.integration)}`);
  }

  /** When the schedule of `integration` fires next; null when it is not scheduled. */
  nextRunAt(integration: Integration): string | null {
    const name = jobName(integration);
    if (!this.scheduled.has(integration) || !this.registry.doesExist('cron', name)) return null;
    return this.registry.getCronJob(name).nextDate().toUTC().toISO();
  }

  /** Stops every schedule (shutdown). Runs in progress are not touched. Calling it twice does nothing. */
  stopAll(): void {
    for (const integration of this.scheduled) {
      const name = jobName(integration);
      if (this.registry.doesExist('cron', name)) this.registry.deleteCronJob(name);
    }
    this.scheduled.clear();
  }

  /** One run now, logged like a scheduled one; `why` says what started it. */
  async runNow(job: SyncJob, why: 'scheduled' | 'start-up'): Promise<void> {
    const result = await this.runner.run(job, { progress: (line) => this.logger.debug(line) });
    if (result.status === 'skipped') this.logger.log(`${job.integration}: ${why} run skipped (${result.reason})`);
    else this.logger.log(`${job.integration}: ${why} run ${result.status} in ${result.durationMs} ms ${JSON.stringify(result.counters)}`);
  }
}
