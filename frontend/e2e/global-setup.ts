import type { TestProject } from 'vitest/node';
import { startPlatform } from './platform';

declare module 'vitest' {
  export interface ProvidedContext {
    gatewayUrl: string;
  }
}

/** One platform (`./booking dev`) for the whole e2e run: starting it is the slow part. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const platform = await startPlatform();
  project.provide('gatewayUrl', platform.gatewayUrl);
  return platform.stop;
}
