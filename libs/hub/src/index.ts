export {
  createHubApp,
  listenHub,
  type CreateHubAppOptions,
} from './lib/bootstrap/create-hub-app';
export { loadHubConfig, type HubConfig } from './lib/config/hub.config';
export { HubModule } from './lib/hub.module';
export { EventHub, type PublishResult } from './lib/sse/event-hub';
