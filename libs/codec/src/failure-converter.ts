/**
 * Loaded by path (DataConverter.failureConverterPath) in clients, workers and the workflow sandbox:
 * error messages and stack traces move into an encoded payload, so the codec encrypts them too.
 */
import { DefaultFailureConverter } from '@temporalio/common';

export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
