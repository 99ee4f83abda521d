/**
 * The `cuishou-guard/sidecar` subpath: the HTTP sidecar of `cuishou-guard serve` as a function, for a Node
 * host that wants its own server object (tests, an existing process). Node only; the main entry stays
 * free of Node APIs.
 */
export {
  createSidecar,
  DEFAULT_BATCH_LIMIT,
  DEFAULT_BODY_LIMIT_BYTES,
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type DecisionLogEntry,
  type Endpoint,
  type Sidecar,
  type SidecarOptions,
} from './server.js';
