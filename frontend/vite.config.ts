import { defineConfig } from 'vite';

// `npm run dev` serves the app with hot reload and forwards the API to a running node
// (./booking dev); BOOKING_GATEWAY_URL points it elsewhere.
const gateway = process.env.BOOKING_GATEWAY_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  build: {
    outDir: 'dist',
    // Hashed names under assets/ are what the node and nginx cache for a year.
    assetsDir: 'assets',
    target: 'es2022',
  },
  server: {
    proxy: {
      '/api': gateway,
      '/fake-provider': gateway,
    },
  },
});
