/**
 * Four tiers (STYLE.md): unit specs beside the code; integration against real MariaDB and Redis;
 * end-to-end over HTTP; browser journeys in Chromium; faults (test/faults): the built web and job
 * processes on a private MariaDB and Redis that the tests kill and restart. `npm test` runs unit,
 * e2e and browser on two workers (each file has its own SQLite copy or server), then integration
 * alone (its files share the MariaDB test database), then the faults last and on their own: they
 * time real processes recovering, which the CPU-heavy suites beside them would slow down past
 * their waits.
 * Jest reads testTimeout only at the top level (a project's own value is ignored); the browser
 * tests raise theirs with jest.setTimeout.
 */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json' }];
const common = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: { '^.+\\.ts$': tsJest },
  testEnvironment: 'node',
};

module.exports = {
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', rootDir: 'src', testRegex: '.*\\.spec\\.ts$' },
    {
      ...common,
      displayName: 'integration',
      rootDir: '.',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      rootDir: '.',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/e2e-setup.ts',
    },
    {
      ...common,
      displayName: 'faults',
      rootDir: '.',
      testMatch: ['<rootDir>/test/faults/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      rootDir: '.',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
    },
  ],
};
