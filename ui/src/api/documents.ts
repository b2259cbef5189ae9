import { call } from './client'
import type { DocKind, DocSettings, DocState, IssueRequest, NumberBlock, ReinspectionInput, ServiceInput } from './bindings'

export const previewDocument = (request: IssueRequest) => call('document_preview', { request })
export const measureFollowDefaults = (decisionId: string) => call('measure_follow_defaults', { decisionId })
export const measureDefaultsForSample = (sampleId: string) => call('measure_defaults_for_sample', { sampleId })
export const measureDefaults = (inspectionId: string) => call('measure_defaults', { inspectionId })
export const noticeDefaults = (inspectionId: string) => call('notice_defaults', { inspectionId })
export const issueDocument = (request: IssueRequest) => call('document_issue', { request })
export const amendDocument = (id: string, reason: string, request: IssueRequest) => call('document_amend', { id, reason, request })
export const documentSource = (id: string) => call('document_source', { id })
export const listDocuments = (inspectionId: string | null, enterpriseId: string | null) =>
  call('document_list', { inspectionId, enterpriseId })
export const searchDocuments = (kind: DocKind | null, state: DocState | null, enterpriseId: string | null) =>
  call('document_search', { kind, state, enterpriseId })
export const openDocument = (id: string) => call('document_open', { id })
export const saveDocument = (id: string, dest: string) => call('document_save', { id, dest })
export const revokeDocument = (id: string, reason: string) => call('document_revoke', { id, reason })
export const recordService = (input: ServiceInput) => call('document_service', { input })
export const docSettings = () => call('doc_settings_get')
export const setDocSettings = (settings: DocSettings) => call('doc_settings_set', { settings })
export const numberBlocks = () => call('number_block_list')
export const addNumberBlock = (block: NumberBlock) => call('number_block_add', { block })
export const followups = (enterpriseId: string | null, dueOnly: boolean) =>
  call('followup_list', { enterpriseId, dueOnly })
export const reinspect = (input: ReinspectionInput) => call('reinspect', { input })
export const measures = (dueOnly: boolean) => call('measure_list', { dueOnly })
