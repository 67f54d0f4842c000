import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './src/shared/security/csp';

/**
 * Build of the three Electron targets. The renderer build (out/renderer) is also what browser mode
 * serves, so the Content-Security-Policy is injected into index.html here, once, for both hosts.
 */
export default defineConfig(({ command }) => ({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          // The parser process's entry (see src/main/core/isolation/parser-pool.ts).
          'parser-child': resolve('src/main/core/isolation/parser-child.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // Sandboxed preloads cannot load ES modules: emit one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: { minify: true, rollupOptions: { input: resolve('src/renderer/index.html') } },
    plugins: [
      react(),
      {
        name: 'campo-csp',
        transformIndexHtml: (html: string) =>
          html.replace(
            '<!--CSP-->',
            `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(
              command === 'serve' ? 'dev' : 'production',
            )}" />`,
          ),
      },
    ],
  },
}));
