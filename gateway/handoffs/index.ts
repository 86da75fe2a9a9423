export {
  createHandoffsSchema,
  handoffsMerge,
  handoffsTypeDefs,
  type HandoffsDeps,
} from './handoffs-schema.js';
