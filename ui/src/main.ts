import { createApp } from 'vue'
import { createPinia } from 'pinia'
// Element Plus's theme variables first: the start-up path's plain controls (shared/plain.css) draw with them.
import 'element-plus/theme-chalk/base.css'
import './shared/base.css'
import './shared/plain.css'
import App from './App.vue'
import { i18n } from './i18n'

// Start-up trace (read by tests/examples/startup.rs with the IPC measures of api/client.ts).
performance.mark('app script')

// Element Plus is not installed whole: each component (and its stylesheet) is imported where a template uses it
// (vite.config.ts). The start-up path (top bar, dashboard, roster, unlock screen) draws plain controls instead
// (shared/plain.css), so what the window parses and holds at start stays small; only App.vue's el-config-provider,
// which gives the pages loaded later their locale, is there.
createApp(App).use(createPinia()).use(i18n).mount('#app')
performance.mark('app mounted')
