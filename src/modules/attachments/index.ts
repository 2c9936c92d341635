/** What other modules may use from 附件: link uploads to a record (who may see them: the record's entity in its module's manifest). */
export { linkAttachments, attachmentsOf, attachmentsOfMany, presentAttachment } from './server/attachment-repository.ts';
export type { AttachmentItem } from './contract.ts';
/** Storing an upload judged by its content, for a module's own upload path (文史资料's public submission page, without a session). */
export { storeAttachment } from './server/attachment-repository.ts';
/** A record's file with its content, for the owning module's own public route (a published news item's images on the portal). */
export { attachmentFile } from './server/attachment-repository.ts';
export { judgeUpload, cleanFilename } from './domain/file-types.ts';
/** The Content-Disposition of a download (the name in UTF-8 and an ASCII fallback), for a module's own download route. */
export { contentDisposition } from './domain/file-types.ts';
