import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'

// Chinese is what the window starts in; English loads when first chosen (`setLanguage`), so the start-up bundle
// does not carry a second catalogue nobody reads (docs/benchmarks.md).
export type Language = 'zh-CN' | 'en'

// `en` is absent until `setLanguage` loads it: the catalogue map is partial.
const messages: Partial<Record<Language, typeof zhCN>> = { 'zh-CN': zhCN }

export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN' as Language,
  fallbackLocale: 'zh-CN',
  messages,
})

export async function setLanguage(language: Language) {
  if (language === 'en' && !i18n.global.availableLocales.includes('en')) {
    i18n.global.setLocaleMessage('en', (await import('./en')).default)
  }
  i18n.global.locale.value = language
}
