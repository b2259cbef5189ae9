import { createApp } from 'vue'
import { createPinia } from 'pinia'
import './shared/base.css'
import App from './App.vue'
import { i18n } from './i18n'

// Start-up trace (read by tests/examples/startup.rs with the IPC measures of api/client.ts).
performance.mark('app script')

// Element Plus is not installed whole: each component (and its stylesheet) is imported where a template uses it
// (vite.config.ts), which keeps what the window parses at start small. Its locale comes from App.vue's
// el-config-provider.
createApp(App).use(createPinia()).use(i18n).mount('#app')
performance.mark('app mounted')
