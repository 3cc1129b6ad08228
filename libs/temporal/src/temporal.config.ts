import { TICKET_TASK_QUEUE } from '@caseflow/contract';
import { codecConfigFromEnv, type CodecConfig } from '@caseflow/codec';

export interface TemporalConfig {
  address: string;
  namespace: string;
  taskQueue: string;
  /** The payload codec every client and worker of this process uses (see docs/codec.md). */
  codec: CodecConfig;
}

/** TEMPORAL_* for the server; the codec from CASEFLOW_CODEC_KEYS, or the key file in data/ (made on first run). */
export function temporalConfigFromEnv(env: NodeJS.ProcessEnv = process.env): TemporalConfig {
  return {
    address: env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    namespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE ?? TICKET_TASK_QUEUE,
    codec: codecConfigFromEnv(env),
  };
}
