// What every list of issued documents offers: open or print, save as PDF, revoke with a reason; then reload.
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import type { DocumentDto } from '../../api/bindings'
import { openDocument, revokeDocument, saveDocument } from '../../api/documents'
import { pickSavePdf } from '../../api/files'
import { errorSummary } from '../../shared/fieldErrors'

export function useDocumentActions(reload: () => Promise<void>) {
  const { t } = useI18n()

  async function run(f: () => Promise<unknown>) {
    try {
      await f()
      await reload()
    } catch (e) {
      // Closing the reason prompt is not an error.
      if (e !== 'cancel' && e !== 'close') ElMessage.error(errorSummary(e, t))
    }
  }

  return {
    open: (d: DocumentDto) => run(() => openDocument(d.id)),
    saveAs: (d: DocumentDto) =>
      run(async () => {
        const dest = await pickSavePdf(`${d.number}.pdf`)
        if (dest) await saveDocument(d.id, dest)
      }),
    revoke: (d: DocumentDto) =>
      run(async () => {
        const { value } = await ElMessageBox.prompt(t('docs.revokeReason'), t('docs.revoke'), {
          inputValidator: (v) => !!v?.trim(),
        })
        await revokeDocument(d.id, value)
      }),
  }
}
