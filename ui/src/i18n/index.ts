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

// The latest choice wins: English still loading when Chinese is chosen again must not switch the window after it.
let requested: Language = 'zh-CN'

/** Switches the window's language, loading English first if needed; the window stays as it was if that fails. */
export async function setLanguage(language: Language) {
  requested = language
  if (language === 'en' && !i18n.global.availableLocales.includes('en')) {
    const en = (await import('./en')).default
    i18n.global.setLocaleMessage('en', en)
  }
  if (requested === language) i18n.global.locale.value = language
}
