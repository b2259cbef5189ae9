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
// (vite.config.ts), and the start-up path (top bar, dashboard, roster, unlock screen) uses none but the locale's
// provider (shared/plain.css), so what the window parses and holds at start stays small. Its locale comes from App.vue's el-config-provider.
createApp(App).use(createPinia()).use(i18n).mount('#app')
performance.mark('app mounted')
