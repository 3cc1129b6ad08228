/**
 * @caseflow/codec — the Temporal payload codec (AES-256-GCM under a rotating system key ring),
 * its key sources (env or a key file in data/), and the one data converter every client,
 * worker and replayer uses.
 */
export * from './codec-error';
export * from './data-converter';
export * from './encryption-codec';
export * from './key-ring';
export * from './key-sources';
export * from './payload-json';
