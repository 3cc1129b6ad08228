import { KURRENT_CHECKPOINT_STREAM, StreamNames } from './stream-names';

describe('KurrentDB stream names', () => {
  it('maps port stream ids under a namespace and back', () => {
    const names = new StreamNames('run-7', 'caseflow-checkpoint-');
    expect(names.toServer('ticket-1')).toBe('run-7/ticket-1');
    expect(names.fromServer('run-7/ticket-1')).toBe('ticket-1');
    const plain = new StreamNames(undefined, 'caseflow-checkpoint-');
    expect(plain.toServer('ticket-1')).toBe('ticket-1');
    expect(plain.fromServer('ticket-1')).toBe('ticket-1');
  });

  it('reserves system, subscription-progress and checkpoint streams', () => {
    const names = new StreamNames(undefined, 'caseflow-checkpoint-');
    for (const id of ['$all', '$checkpoints', 'caseflow-checkpoint-projector', KURRENT_CHECKPOINT_STREAM])
      expect(names.isReserved(id)).toBe(true);
    for (const id of ['ticket-1', 'caseflow-store-checkpoints-2', 'checkpoints'])
      expect(names.isReserved(id)).toBe(false);
  });

  it("filters $all: readAll sees callers' streams only; integrity also sees the checkpoint stream", () => {
    for (const [namespace, p] of [
      [undefined, ''],
      ['run-7', 'run-7/'],
    ] as const) {
      const names = new StreamNames(namespace, 'caseflow-checkpoint-');
      const callers = new RegExp(names.callerStreamsRegex());
      const audited = new RegExp(names.auditedStreamsRegex());
      const matches = (re: RegExp) =>
        [
          'ticket-1',
          '$stats',
          'caseflow-checkpoint-sub',
          KURRENT_CHECKPOINT_STREAM,
          `${KURRENT_CHECKPOINT_STREAM}-x`,
        ].filter((s) => re.test(p + s));
      expect(matches(callers)).toEqual(['ticket-1', `${KURRENT_CHECKPOINT_STREAM}-x`]);
      expect(matches(audited)).toEqual(['ticket-1', KURRENT_CHECKPOINT_STREAM, `${KURRENT_CHECKPOINT_STREAM}-x`]);
      expect(audited.test('$$ticket-1')).toBe(false);
      if (namespace) expect(callers.test('other/ticket-1')).toBe(false);
    }
  });
});
