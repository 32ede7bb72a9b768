import { Module } from '@nestjs/common';
import type { Database } from '@ops/store';
import { DATABASE, readEnvironment } from '@ops/sync-core';

import { ReadApiController } from './http/read-api.controller';
import { ReadModel } from './read-model';
import { readSourcesOf } from './sources/read-sources';

/**
 * The dashboard's read API over the store. Import it next to `SyncWorkerModule`, whose `DATABASE`
 * it reads; accounts and environments come from the workers' own config readers.
 */
@Module({
  controllers: [ReadApiController],
  providers: [
    {
      provide: ReadModel,
      inject: [DATABASE],
      useFactory: (database: Database) => {
        const sources = readSourcesOf(readEnvironment());
        return new ReadModel(database, () => sources);
      },
    },
  ],
  exports: [ReadModel],
})
export class ReadApiModule {}
