import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // The crash test spawns and kills writer processes; keep the machine's 2 cores for it.
    pool: 'forks',
    testTimeout: 20_000,
  },
});
