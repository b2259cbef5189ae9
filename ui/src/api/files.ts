// The system's open/save dialogs (tauri-plugin-dialog): the only file access the window has.
import { open, save } from '@tauri-apps/plugin-dialog'

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
