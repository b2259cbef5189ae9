// Asks for the reason of a void; resolves null when the user cancels.
import { ElMessageBox } from 'element-plus'

export async function askVoidReason(t: (k: string) => string): Promise<string | null> {
  try {
    const { value } = await ElMessageBox.prompt(t('common.voidPrompt'), t('common.void'), {
      confirmButtonText: t('common.void'),
      cancelButtonText: t('common.cancel'),
      inputValidator: (v: string) => (v && v.trim().length > 0) || t('common.voidPrompt'),
    })
    return value
  } catch {
    return null
  }
}
