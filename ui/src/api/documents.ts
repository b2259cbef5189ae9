import { call } from './client'
import type {
  DocPreviewDto,
  DocSettings,
  DocumentDto,
  FollowupDto,
  IssueRequest,
  IssuedDto,
  NoticeDefaults,
  NumberBlock,
  ReinspectionInput,
  ReinspectionResultDto,
  ServiceInput,
} from './bindings'

export const previewDocument = (request: IssueRequest) => call<DocPreviewDto>('document_preview', { request })
export const noticeDefaults = (inspectionId: string) => call<NoticeDefaults>('notice_defaults', { inspectionId })
export const issueDocument = (request: IssueRequest) => call<IssuedDto>('document_issue', { request })
export const listDocuments = (inspectionId: string | null, enterpriseId: string | null) =>
  call<DocumentDto[]>('document_list', { inspectionId, enterpriseId })
export const openDocument = (id: string) => call<null>('document_open', { id })
export const saveDocument = (id: string, dest: string) => call<null>('document_save', { id, dest })
export const revokeDocument = (id: string, reason: string) => call<DocumentDto>('document_revoke', { id, reason })
export const recordService = (input: ServiceInput) => call<DocumentDto>('document_service', { input })
export const docSettings = () => call<DocSettings>('doc_settings_get')
export const setDocSettings = (settings: DocSettings) => call<DocSettings>('doc_settings_set', { settings })
export const numberBlocks = () => call<NumberBlock[]>('number_block_list')
export const addNumberBlock = (block: NumberBlock) => call<NumberBlock[]>('number_block_add', { block })
export const followups = (enterpriseId: string | null, dueOnly: boolean) =>
  call<FollowupDto[]>('followup_list', { enterpriseId, dueOnly })
export const reinspect = (input: ReinspectionInput) => call<ReinspectionResultDto>('reinspect', { input })
