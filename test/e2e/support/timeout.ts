// End-to-end tests wait for real processes and jobs; testTimeout is not a per-project option in Jest.
jest.setTimeout(60_000);
