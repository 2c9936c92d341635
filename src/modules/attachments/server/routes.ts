/** HTTP routes of 附件: upload (type by content), list a record's attachments, download with permission. */
import { z } from 'zod';
import { fileTypeFromBuffer } from 'file-type';
import type { App } from '../../../kernel/server/http/server.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import { AppError, invalid, notFound } from '../../../kernel/universal/errors.ts';
import { attachmentIdParams, attachmentItem, attachmentList, attachmentListQuery } from '../contract.ts';
import { cleanFilename, contentDisposition, judgeUpload } from '../domain/file-types.ts';
import { canAccessAttachment } from './access-policy.ts';
import { attachmentsOf, findAttachment, presentAttachment, readContent, storeAttachment } from './attachment-repository.ts';

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }) });

export function attachmentRoutes(app: App, ctx: ModuleContext) {
  app.post('/api/attachments', {
    schema: {
      tags: ['attachments'],
      summary: '上传附件（multipart/form-data，字段 file；按内容识别类型）',
      consumes: ['multipart/form-data'],
      response: { 201: attachmentItem, 400: errorBody, 401: errorBody, 413: errorBody, 415: errorBody },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 方式上传文件');
    const part = await req.file();
    if (!part) throw invalid('file', '「文件」', '不能为空');
    const content = await part.toBuffer(); // over the size limit: throws, answered with 413
    if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', '上传内容超过大小限制');
    const filename = cleanFilename(part.filename ?? '');
    if (!filename) throw invalid('file', '「文件名」', '不能为空');
    if (content.length === 0) throw invalid('file', '「文件」', '内容为空');
    const verdict = judgeUpload(filename, await fileTypeFromBuffer(content), content);
    if (!verdict.ok) {
      if (verdict.status === 415) throw new AppError('UNSUPPORTED_MEDIA_TYPE', verdict.message, { field: 'file' });
      throw invalid('file', '「文件」', verdict.message);
    }
    const row = await storeAttachment(ctx.db, ctx.dialect, { actor, filename, mime: verdict.type.mime, content, ip: req.ip });
    return reply.status(201).send(presentAttachment(row));
  });

  app.get('/api/attachments', {
    schema: {
      tags: ['attachments'], summary: '某一事项的附件列表',
      querystring: attachmentListQuery,
      response: { 200: attachmentList, 401: errorBody, 404: errorBody },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const rows = await attachmentsOf(ctx.db, req.query.entityType, req.query.entityId);
    const visible = [];
    for (const r of rows) if (await canAccessAttachment(ctx, actor, r)) visible.push(presentAttachment(r));
    return { items: visible };
  });

  app.get('/api/attachments/:id', {
    schema: {
      tags: ['attachments'], summary: '下载附件（上传人或能查看所属事项的人）',
      params: attachmentIdParams,
      produces: ['application/octet-stream'],
      response: { 200: z.any().describe('文件内容'), 401: errorBody, 404: errorBody },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const a = await findAttachment(ctx.db, req.params.id);
    // someone without access learns nothing, not even that the attachment exists
    if (!a || !(await canAccessAttachment(ctx, actor, a))) throw notFound('附件');
    const content = await readContent(ctx.db, a.sha256);
    if (!content) throw notFound('附件');
    return reply
      .header('content-type', a.mime)
      .header('content-length', String(content.length))
      .header('content-disposition', contentDisposition(a.filename))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(content);
  });
}
