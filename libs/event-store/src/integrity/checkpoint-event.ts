import type { NewEvent, StoreCheckpoint } from '../port';

/**
 * The event a store appends for its own checkpoint: the summary without the heads (those go to
 * the sink). Its id names the global position, so taking a checkpoint twice there is a no-op.
 */
export function checkpointTakenEvent(cp: StoreCheckpoint): NewEvent {
  const { heads: _heads, ...summary } = cp;
  return {
    id: `checkpoint-${cp.globalPosition}`,
    type: 'CheckpointTaken',
    data: summary,
    metadata: { actor: 'system:checkpoint', occurredAt: cp.takenAt, correlationId: `checkpoint-${cp.globalPosition}` },
  };
}
