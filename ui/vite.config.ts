import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// The desktop window loads the built files; nothing is fetched from the network at run time.
export default defineConfig({
  plugins: [vue()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { target: 'safari15', chunkSizeWarningLimit: 2000 },
  test: { environment: 'happy-dom' },
})
