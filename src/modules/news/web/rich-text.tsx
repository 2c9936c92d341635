/**
 * Rich text in the browser: the editor (quill@2: headings, bold/italic/underline, lists, quotes, links, images uploaded
 * as attachments and referenced by their URL) and the reader. The editor's HTML is only a proposal: the server keeps
 * its sanitised form (domain/news-html.ts), and the reader renders only what the server returns, that sanitised HTML.
 */
import { useEffect, useRef } from 'react';
import Quill from 'quill';
import 'quill/dist/quill.snow.css';
import { api } from '../../../kernel/web/api.ts';
import { useI18n } from '../../../kernel/web/i18n.tsx';
import { useReportError } from '../../../kernel/web/hooks.ts';

const toolbar = [[{ header: [2, 3, 4, false] }], ['bold', 'italic', 'underline'], [{ list: 'ordered' }, { list: 'bullet' }], ['blockquote', 'link', 'image'], ['clean']];

/** A Quill editor as an antd form control (`value`/`onChange` carry HTML). */
export function RichTextEditor({ value, onChange, placeholder, id }: { value?: string; onChange?: (html: string) => void; placeholder?: string; id?: string }) {
  const { t } = useI18n();
  const report = useReportError();
  const host = useRef<HTMLDivElement>(null);
  const quill = useRef<Quill | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    if (!host.current || quill.current) return;
    const box = document.createElement('div');
    host.current.appendChild(box);
    const q = new Quill(box, { theme: 'snow', placeholder: placeholder ?? t('请输入正文'), modules: { toolbar: { container: toolbar } } });
    // images are uploaded as attachments and inserted by URL (never as data: URLs, which the server refuses)
    const bar = q.getModule('toolbar') as { addHandler(n: string, h: () => void): void } | undefined;
    bar?.addHandler('image', () => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = 'image/png,image/jpeg,image/gif,image/webp';
      input.onchange = async () => {
        const file = input.files?.[0];
        if (!file) return;
        const body = new FormData();
        body.append('file', file);
        try {
          const a = await api.post<{ id: string }>('/api/attachments', body);
          const at = q.getSelection(true)?.index ?? q.getLength();
          q.insertEmbed(at, 'image', `/api/attachments/${a.id}`, 'user');
          q.setSelection(at + 1, 0);
        } catch (e) { report(e); }
      };
      input.click();
    });
    if (value) q.clipboard.dangerouslyPasteHTML(value);
    q.on('text-change', () => {
      const html = q.getLength() <= 1 ? '' : q.getSemanticHTML();
      changed.current?.(html);
    });
    quill.current = q;
    // made once: the editor then owns its content and reports it through onChange
  }, []);

  return <div id={id} ref={host} className="zx-rich-editor" style={{ background: '#fff' }} />;
}

/**
 * Server-sanitised HTML, as stored. The server's allow-list (no script, no handlers, no javascript: URLs, images only
 * from our attachments or https) is what makes this safe; nothing else is ever passed here.
 */
export function RichText({ html }: { html: string }) {
  return <div className="zx-rich-text" style={{ lineHeight: 1.8, fontSize: 15, overflowWrap: 'anywhere' }} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** Images in the reader keep to the width of a phone. */
export const richTextCss = '.zx-rich-text img{max-width:100%;height:auto}.zx-rich-text blockquote{border-left:4px solid #d9d9d9;margin:0 0 12px;padding:4px 12px;color:#555}.zx-rich-editor .ql-editor{min-height:220px;font-size:15px}';
