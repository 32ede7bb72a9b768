/** Test helpers for specs of other projects: scratch Postgres databases, CI-aware skipping. */
export * from './test/postgres';
export * from './test/secret-scan';
