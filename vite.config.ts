// Builds the React renderer once; Electron loads it from file://, browser mode serves the same files.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
