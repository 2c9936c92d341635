/** What other modules may use from 附件: register who may see their records' attachments, and link uploads to a record. */
export { registerAttachmentPolicy, type AttachmentAccessPolicy } from './server/access-policy.ts';
export { linkAttachments, attachmentsOf, presentAttachment } from './server/attachment-repository.ts';
export type { AttachmentItem } from './contract.ts';
