import type { JsonPayload } from '@caseflow/codec';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { temporal } from '@temporalio/proto';

export interface FoundPayload {
  /** Where in the history JSON, e.g. `events[0].workflowExecutionStartedEventAttributes.input.payloads[0]`. */
  path: string;
  payload: JsonPayload;
}

export interface FoundFailure {
  path: string;
  message: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isPayload = (value: Record<string, unknown>): boolean =>
  isRecord(value.metadata) && typeof value.metadata.encoding === 'string';

const isFailure = (value: Record<string, unknown>): boolean =>
  typeof value.message === 'string' && Object.keys(value).some((key) => key.endsWith('FailureInfo'));

/** Every payload and every failure in a history, as the server keeps it (proto3 JSON: bytes in base64). */
export function scanHistory(history: temporal.api.history.v1.IHistory): {
  payloads: FoundPayload[];
  failures: FoundFailure[];
  json: string;
} {
  const json = historyToJSON(history);
  const payloads: FoundPayload[] = [];
  const failures: FoundFailure[] = [];
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) return value.forEach((item, index) => walk(item, `${path}[${index}]`));
    if (!isRecord(value)) return;
    if (isPayload(value)) payloads.push({ path, payload: value as JsonPayload });
    if (isFailure(value)) failures.push({ path, message: value.message as string });
    for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
  };
  walk(JSON.parse(json), '');
  return { payloads, failures, json };
}

export const encodingOf = (payload: JsonPayload): string =>
  Buffer.from(payload.metadata?.encoding ?? '', 'base64').toString('utf8');

/** Search attributes are indexed by the server, so no codec touches them (and they must hold no personal data). */
export const isSearchAttribute = (found: FoundPayload): boolean =>
  /\.searchAttributes\.indexedFields\./.test(found.path);
