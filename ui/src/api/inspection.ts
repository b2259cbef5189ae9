import { call } from './client'
import type { InspectionDraft } from './bindings'

export const templates = () => call('inspection_templates')
export const legalCatalogue = () => call('legal_catalogue')
export const startInspection = (enterpriseId: string, templateKey: string, amends: string | null = null) =>
  call('inspection_start', { enterpriseId, templateKey, amends })
export const getInspection = (id: string) => call('inspection_get', { id })
export const saveInspection = (id: string, draft: InspectionDraft) => call('inspection_save', { id, draft })
export const voidInspection = (id: string, reason: string) => call('inspection_void', { id, reason })
export const finishInspection = (id: string) => call('inspection_finish', { id })
export const listInspections = (enterpriseId: string | null, draftsOnly: boolean) =>
  call('inspection_list', { enterpriseId, draftsOnly })
export const attachPhoto = (id: string, target: string, path: string, caption: string) =>
  call('inspection_attach_photo', { id, target, path, caption })
