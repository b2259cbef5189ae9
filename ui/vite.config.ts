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
  // Compile-time flags of Vue and vue-i18n: no Options API, legacy i18n API or devtools hooks in the build (every
  // component is <script setup>, i18n runs in composition mode), so the start-up bundle is smaller and components
  // are set up without the Options API pass.
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { target: 'safari15', chunkSizeWarningLimit: 2000 },
  test: { environment: 'happy-dom' },
})
