/** Binds the public methods of activity services into the plain object the Temporal worker wants. */
export function bindActivities(services: readonly object[]): Record<string, (...args: unknown[]) => Promise<unknown>> {
  const activities: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const service of services) {
    const prototype = Object.getPrototypeOf(service) as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const method = prototype[name];
      if (name === 'constructor' || typeof method !== 'function') continue;
      if (name in activities) throw new Error(`two activity services define "${name}"`);
      activities[name] = (method as (...args: unknown[]) => Promise<unknown>).bind(service);
    }
  }
  return activities;
}
