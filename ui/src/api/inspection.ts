import { call } from './client'
import type { InspectionDraft, InspectionDto, InspectionRowDto, LegalBasis, PhotoDto, TemplateSummary } from './bindings'

export const templates = () => call<TemplateSummary[]>('inspection_templates')
export const legalCatalogue = () => call<LegalBasis[]>('legal_catalogue')
export const startInspection = (enterpriseId: string, templateKey: string, amends: string | null = null) =>
  call<InspectionDto>('inspection_start', { enterpriseId, templateKey, amends })
export const getInspection = (id: string) => call<InspectionDto>('inspection_get', { id })
export const saveInspection = (id: string, draft: InspectionDraft) => call<InspectionDraft>('inspection_save', { id, draft })
export const finishInspection = (id: string) => call<InspectionDto>('inspection_finish', { id })
export const listInspections = (enterpriseId: string | null, draftsOnly: boolean) =>
  call<InspectionRowDto[]>('inspection_list', { enterpriseId, draftsOnly })
export const attachPhoto = (id: string, target: string, path: string, caption: string) =>
  call<PhotoDto>('inspection_attach_photo', { id, target, path, caption })
