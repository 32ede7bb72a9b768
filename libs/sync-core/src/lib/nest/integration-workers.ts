import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit, Optional } from '@nestjs/common';
import { type CredentialSealer, type Database, latestRun } from '@ops/store';

import { OutboxRelay } from '../outbox/outbox-relay';
import { type IntegrationStatus, lastRunOf, REAUTHORIZATION_REQUIRED } from '../registry/integration-status';
import type { ConfigAnswer, Environment, WorkerDefinition } from '../registry/worker-definition';
import type { Integration, SyncJob } from '../runner/sync-job';
import { type RunOptions, type RunResult, SyncRunner } from '../runner/sync-runner';
import { cronIntervalMs, SyncScheduler } from './sync-scheduler';
import { CREDENTIAL_SEALER, DATABASE, WORKER_DEFINITIONS, WORKER_ENVIRONMENT, WORKER_SCHEDULING } from './sync-worker.tokens';

interface Entry {
  definition: WorkerDefinition;
  answer: ConfigAnswer<unknown>;
  job?: SyncJob;
}

/**
 * The workers this process hosts: reads each one's config at start (a wrong config stops start-up;
 * an absent one is logged with its reason), and in a daemon reclaims runs a dead process left
 * `running`, syncs at once every integration that never succeeded or whose last success is older
 * than its schedule's interval, then runs each on its schedule.
 */
@Injectable()
export class IntegrationWorkers implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(IntegrationWorkers.name);
  private readonly entries = new Map<Integration, Entry>();

  constructor(
    @Inject(WORKER_DEFINITIONS) private readonly definitions: readonly WorkerDefinition[],
    @Inject(WORKER_ENVIRONMENT) private readonly env: Environment,
    @Inject(WORKER_SCHEDULING) private readonly scheduling: boolean,
    @Inject(DATABASE) private readonly database: Database,
    @Inject(CREDENTIAL_SEALER) private readonly sealer: CredentialSealer,
    private readonly runner: SyncRunner,
    private readonly scheduler: SyncScheduler,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  onModuleInit(): void {
    for (const definition of this.definitions) {
      const answer = definition.readConfig(this.env);
      const job = answer.configured ? definition.createJob(answer.config, { database: this.database, sealer: this.sealer, shutdownSignal: this.runner.shutdownSignal }) : undefined;
      this.entries.set(definition.integration, { definition, answer, job });
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.scheduling) return;
    for (const { definition, answer, job } of this.entries.values()) {
      if (!answer.configured || !job) {
        this.logger.log(`${definition.integration}: not configured (${answer.configured ? 'no job' : answer.reason})`);
        continue;
      }
      const abandoned = await this.runner.reclaimAbandoned(definition.integration);
      if (abandoned > 0) this.logger.warn(`${definition.integration}: ${abandoned} run(s) left running by a stopped process marked abandoned`);
      this.scheduler.schedule(job, answer.cron);
      if (await this.isDue(definition.integration, answer.cron)) void this.scheduler.runNow(job, 'start-up');
    }
  }

  /** The registered integration names, in registry order. */
  names(): Integration[] {
    return [...this.entries.keys()];
  }

  /**
   * One run of `integration` now, outside the schedule.
   * @returns the run's result, `'not configured'`, or `'unknown'` for a name not registered here.
   */
  async runOnce(integration: string, options: RunOptions = {}): Promise<RunResult | 'not configured' | 'unknown'> {
    const entry = this.entries.get(integration as Integration);
    if (!entry) return 'unknown';
    return entry.job ? this.runner.run(entry.job, options) : 'not configured';
  }

  /** Why `integration` is not configured, or undefined when it is (or is unknown). */
  notConfiguredReason(integration: string): string | undefined {
    const answer = this.entries.get(integration as Integration)?.answer;
    return answer && !answer.configured ? answer.reason : undefined;
  }

  /** One status per registered integration, in registry order (`GET /api/integrations`). */
  async statuses(): Promise<IntegrationStatus[]> {
    return Promise.all(
      [...this.entries.values()].map(async ({ definition, answer }) => {
        const lastRun = lastRunOf(await latestRun(this.database.db, definition.integration));
        return {
          integration: definition.integration,
          configured: answer.configured,
          ...(answer.configured ? {} : { reason: answer.reason }),
          accounts: answer.configured ? answer.accounts : [],
          lastRun,
          nextRunAt: this.scheduler.nextRunAt(definition.integration),
          ...(lastRun?.error?.code === REAUTHORIZATION_REQUIRED ? { reauthorizationRequired: true } : {}),
        };
      }),
    );
  }

  /**
   * Graceful stop: no more scheduled runs, running syncs stop after their last committed page
   * (recorded `interrupted`), then the outbox is drained for at most `graceMs`.
   * @returns how many outbox entries were still unpublished when the grace ran out (0 normally).
   */
  async stop(graceMs: number): Promise<number> {
    this.scheduler.stopAll();
    await this.runner.stop();
    if (!this.relay) return 0;
    return (await this.relay.drainFor(graceMs)).pending;
  }

  private async isDue(integration: Integration, cron: string): Promise<boolean> {
    const success = await latestRun(this.database.db, integration, ['succeeded']);
    const finished = success?.finishedAt;
    return !finished || Date.now() - finished.getTime() > cronIntervalMs(cron);
  }
}
