import { Injectable, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';

import type { SyncJob } from '../runner/sync-job';
import { SyncRunner } from '../runner/sync-runner';

/** Runs each registered job on its cron schedule; overlapping ticks are skipped by the runner. */
@Injectable()
export class SyncScheduler {
  private readonly logger = new Logger(SyncScheduler.name);

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
    const name = `sync:${job.integration}`;
    if (this.registry.doesExist('cron', name)) this.registry.deleteCronJob(name);
    const cronJob = CronJob.from({ cronTime: cron, timeZone: 'UTC', onTick: () => void this.tick(job) });
    this.registry.addCronJob(name, cronJob);
    cronJob.start();
    this.logger.log(`${job.integration}: scheduled "${cron}" (UTC)`);
  }

  private async tick(job: SyncJob): Promise<void> {
    const result = await this.runner.run(job, { progress: (line) => this.logger.debug(line) });
    if (result.status === 'skipped') this.logger.log(`${job.integration}: run skipped (${result.reason})`);
    else this.logger.log(`${job.integration}: run ${result.status} in ${result.durationMs} ms ${JSON.stringify(result.counters)}`);
  }
}
