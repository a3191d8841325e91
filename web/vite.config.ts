import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * Dev server only: deep links under /console/ get the console page, as the Simpul server does
 * in production (Vite's own fallback would serve the portal's index.html).
 */
function consoleHistoryFallback(): Plugin {
  return {
    name: 'simpul-console-history-fallback',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        const wantsHtml = req.headers.accept?.includes('text/html') ?? false;
        if (wantsHtml && /^\/console(\/[^.]*)?$/.test(path)) req.url = '/console/index.html';
        next();
      });
    },
  };
}

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), consoleHistoryFallback()],
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // Mantine + React + TanStack shared by both pages come to ~550 kB (≈170 kB gzipped).
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      input: {
        portal: fileURLToPath(new URL('./index.html', import.meta.url)),
        console: fileURLToPath(new URL('./console/index.html', import.meta.url)),
      },
      output: {
        // Shared chunks would otherwise be named after whichever module came first.
        chunkFileNames: 'assets/chunk-[hash].js',
        assetFileNames: (asset) =>
          asset.names.some((name) => name.endsWith('.css'))
            ? 'assets/styles-[hash][extname]'
            : 'assets/[name]-[hash][extname]',
      },
    },
  },
});
