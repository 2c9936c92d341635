/** Web manifest of the 附件 module: no pages of its own; its upload and list components are used inside records. */
import type { WebModule } from '../../../kernel/web/manifest.ts';

export const attachmentsWeb: WebModule = {
  name: 'attachments',
  messages: { '附件': 'Attachments', '上传附件': 'Upload', '下载': 'Download' },
};
