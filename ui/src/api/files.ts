// The system's open/save dialogs (tauri-plugin-dialog): the only file access the window has.
import { open, save } from '@tauri-apps/plugin-dialog'
import { getCurrentWebview } from '@tauri-apps/api/webview'
import { bundlesIn } from '../shared/bundles'

const spreadsheets = [{ name: 'Excel / ODS', extensions: ['xlsx', 'xlsm', 'xls', 'ods'] }]

export async function pickSpreadsheet(): Promise<string | null> {
  const chosen = await open({ multiple: false, directory: false, filters: spreadsheets })
  return typeof chosen === 'string' ? chosen : null
}

export async function pickSaveXlsx(defaultPath: string): Promise<string | null> {
  return await save({ defaultPath, filters: [{ name: 'Excel', extensions: ['xlsx'] }] })
}

export async function pickImage(): Promise<string | null> {
  const chosen = await open({ multiple: false, directory: false, filters: [{ name: '照片', extensions: ['jpg', 'jpeg', 'png'] }] })
  return typeof chosen === 'string' ? chosen : null
}

export async function pickSavePdf(defaultPath: string): Promise<string | null> {
  return await save({ defaultPath, filters: [{ name: 'PDF', extensions: ['pdf'] }] })
}

const bundles = [{ name: '同步包', extensions: ['mcb'] }]

export async function pickBundle(): Promise<string | null> {
  const chosen = await open({ multiple: false, directory: false, filters: bundles })
  return typeof chosen === 'string' ? chosen : null
}

export async function pickSaveBundle(defaultPath: string): Promise<string | null> {
  return await save({ defaultPath, filters: bundles })
}

export async function pickIdentityCard(): Promise<string | null> {
  const chosen = await open({ multiple: false, directory: false, filters: [{ name: '身份卡', extensions: ['json'] }] })
  return typeof chosen === 'string' ? chosen : null
}

export async function pickSaveIdentity(defaultPath: string): Promise<string | null> {
  return await save({ defaultPath, filters: [{ name: '身份卡', extensions: ['json'] }] })
}

/** Calls `onDrop` with the bundles dropped on the window; returns the function that stops listening. */
export async function onBundleDrop(onDrop: (paths: string[]) => void | Promise<void>): Promise<() => void> {
  return await getCurrentWebview().onDragDropEvent((event) => {
    if (event.payload.type !== 'drop') return
    const bundles = bundlesIn(event.payload.paths)
    if (bundles.length) void onDrop(bundles)
  })
}

export async function pickAnyFile(): Promise<string | null> {
  const chosen = await open({ multiple: false, directory: false })
  return typeof chosen === 'string' ? chosen : null
}

export async function pickSavePng(defaultPath: string): Promise<string | null> {
  return await save({ defaultPath, filters: [{ name: 'PNG', extensions: ['png'] }] })
}
