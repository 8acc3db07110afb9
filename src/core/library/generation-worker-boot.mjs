// Starts the card-generation worker from its TypeScript source (the web host and CLI run from sources).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
