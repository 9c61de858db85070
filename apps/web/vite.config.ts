import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiServer = 'http://127.0.0.1:3000';
const proxy = { '/api': apiServer, '/health': apiServer, '/ready': apiServer };

/**
 * The citizens' portal must load fast on a phone over a weak connection. Its pages are plain HTML + CSS
 * on React; Ant Design (about 330 kB gzip) is bundled into its own chunk that only the lazily loaded
 * staff areas (office, admin, dashboard) import, and zod travels with the API contracts only those
 * areas use at run time. Everything the entry needs from node_modules sits in one cacheable chunk.
 */
export default defineConfig({
  root: decodeURIComponent(new URL('.', import.meta.url).pathname),
  plugins: [react()],
  server: { proxy },
  preview: { proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // The antd chunk is big by nature and is loaded only by staff on office machines.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/]/, tags: ['$initial'], priority: 3 },
            {
              name: 'contracts',
              test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]packages[\\/]contracts[\\/]/,
              priority: 2,
            },
            { name: 'antd', test: /[\\/]node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
