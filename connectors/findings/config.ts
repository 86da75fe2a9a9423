/** The findings subschema has nothing to configure: it reads the hub's own store. */
import { defineConfigSection } from '../../platform/config.js';

export const findingsConfigSection = defineConfigSection('findings', {}, () => ({}));
