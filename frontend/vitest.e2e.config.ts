import { defineConfig } from 'vitest/config';

// End-to-end tests: real headless Chromium against `./booking dev`, started once (e2e/global-setup.ts).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // JUnit XML next to Failsafe's reports, for CI's test results.
    reporters: ['default', 'junit'],
    outputFile: { junit: 'target/e2e-reports/TEST-frontend-e2e.xml' },
  },
});
