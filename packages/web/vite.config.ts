import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The app is served by @nariz/server from dist/app at `/`; `npm run dev` proxies the API
// (and its WebSocket) to a server on the default port.
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist/app',
    emptyOutDir: true,
    // MapLibre alone is ~1 MB minified; it is its own chunk, loaded after sign-in.
    chunkSizeWarningLimit: 1200,
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', ws: true, changeOrigin: false },
    },
  },
});
