export default async function intGlobalTeardown(): Promise<void> {}
