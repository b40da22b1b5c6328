export * from './accounts.ts';
export * from './box-office.ts';
export * from './catalog.ts';
export * from './hashtags.ts';
export * from './ingest.ts';
export * from './reviews.ts';
