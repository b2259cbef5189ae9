import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import ElementPlus from 'unplugin-element-plus/vite'

// The desktop window loads the built files; nothing is fetched from the network at run time.
export default defineConfig({
  // Element Plus components, directives and their stylesheets are imported where they are used, not installed whole
  // (start-up time and memory, docs/benchmarks.md); template types still come from `element-plus/global`.
  plugins: [vue(), Components({ resolvers: [ElementPlusResolver()], dts: false }), ElementPlus({})],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { target: 'safari15', chunkSizeWarningLimit: 2000 },
  test: { environment: 'happy-dom' },
})
