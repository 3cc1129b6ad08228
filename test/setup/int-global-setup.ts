import { loadToolEnv } from '../support/tool-env';

export default async function intGlobalSetup(): Promise<void> {
  loadToolEnv();
}
