import type { Organisation } from '../population/model.js';
import type { Directory } from '../kit/directory.js';
import type { WebhookSender } from '../kit/webhooks.js';
import type { EducationStore } from './education-store.js';

/** What the education routes share: built once per server, passed down (no module state). */
export interface EducationContext {
  store: EducationStore;
  directory: Directory;
  schoolsByUrn: Map<string, Organisation>;
  webhooks: WebhookSender;
  now: () => Date;
  newId: () => string;
}

export const educationBasePath = '/education/v1';
