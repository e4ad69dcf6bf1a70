import { defineConfig } from 'vite';
// ok: base44/vite-plugin
import react from '@vitejs/plugin-react';

// The admin console builds without @base44/vite-plugin.
export default defineConfig({ plugins: [react()] });
