/** What other modules may use from 附件: link uploads to a record (who may see them: the record's entity in its module's manifest). */
export { linkAttachments, attachmentsOf, attachmentsOfMany, presentAttachment } from './server/attachment-repository.ts';
export type { AttachmentItem } from './contract.ts';
