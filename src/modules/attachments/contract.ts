/** 附件: response shapes of upload, listing and download, shared by server and web. */
import { z } from 'zod';

export const attachmentAction = z.enum(['download']);

export const attachmentItem = z.object({
  id: z.string().describe('附件编号'),
  filename: z.string().describe('文件名'),
  mime: z.string().describe('文件类型'),
  size: z.number().int().describe('大小（字节）'),
  createdAt: z.string().optional().describe('上传时间'),
  actions: z.array(attachmentAction).optional().describe('可执行的操作'),
});
export type AttachmentItem = z.infer<typeof attachmentItem>;

export const attachmentIdParams = z.object({ id: z.string().min(1).max(64).describe('附件编号') });

export const attachmentListQuery = z.object({
  entityType: z.string().min(1).max(50).describe('所属事项类型'),
  entityId: z.string().min(1).max(64).describe('所属事项编号'),
});

export const attachmentList = z.object({ items: z.array(attachmentItem) });
