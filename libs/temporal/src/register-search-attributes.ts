import type { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { searchAttributes } from '@caseflow/contract';

const INDEXED_TYPE = {
  KEYWORD: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  DATETIME: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
} as const;

const ALREADY_EXISTS = 6;

/**
 * `temporal server start-dev --search-attribute` only applies when the namespace is first created,
 * so every start registers Caseflow's attributes here; those already present are left alone.
 */
export async function registerSearchAttributes(
  connection: Pick<Connection, 'operatorService'>,
  namespace: string,
): Promise<string[]> {
  const added: string[] = [];
  // One call per attribute: a batch fails whole when any one of them already exists.
  for (const key of Object.values(searchAttributes)) {
    const type = INDEXED_TYPE[key.type as keyof typeof INDEXED_TYPE];
    try {
      await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: { [key.name]: type } });
      added.push(key.name);
    } catch (error) {
      if ((error as { code?: number }).code !== ALREADY_EXISTS) throw error;
    }
  }
  return added;
}
