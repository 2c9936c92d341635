/** Which uploads are accepted (附件类型): the type is decided by the content, and the file name's extension must agree. No I/O. */

export interface AcceptedType { ext: string; mime: string; extensions: readonly string[] }

/** Types detected from content (by magic bytes) that we accept, keyed by the detector's extension. */
export const acceptedByContent: Record<string, AcceptedType> = {
  pdf: { ext: 'pdf', mime: 'application/pdf', extensions: ['pdf'] },
  docx: { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  jpg: { ext: 'jpg', mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  png: { ext: 'png', mime: 'image/png', extensions: ['png'] },
  gif: { ext: 'gif', mime: 'image/gif', extensions: ['gif'] },
  webp: { ext: 'webp', mime: 'image/webp', extensions: ['webp'] },
  zip: { ext: 'zip', mime: 'application/zip', extensions: ['zip'] },
};

/** Legacy Office files are OLE compound files: the content says "cfb", the extension says which. */
export const compoundFileTypes: Record<string, AcceptedType> = {
  doc: { ext: 'doc', mime: 'application/msword', extensions: ['doc'] },
  xls: { ext: 'xls', mime: 'application/vnd.ms-excel', extensions: ['xls'] },
};

export const plainText: AcceptedType = { ext: 'txt', mime: 'text/plain; charset=utf-8', extensions: ['txt'] };

/** Human list for error messages. */
export const acceptedList = 'PDF、Word（doc/docx）、Excel（xls/xlsx）、图片（jpg/png/gif/webp）、zip 压缩包、txt 文本';

export function extensionOf(filename: string): string {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(filename);
  return m ? m[1].toLowerCase() : '';
}

/** A file name safe to store and to send back: no directories, no control characters, bounded length. */
export function cleanFilename(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  let name = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').replace(/\s+/g, ' ').trim();
  if (name.length > 200) {
    const ext = extensionOf(name);
    name = name.slice(0, 200 - ext.length - 1) + (ext ? '.' + ext : '');
  }
  return name;
}

/** UTF-8 text without NUL bytes that does not look like markup a browser would run. */
export function isPlainText(buf: Uint8Array): boolean {
  if (buf.includes(0)) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return false;
  }
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (/^(<!doctype|<html|<\?xml|<svg)/.test(head)) return false;
  if (/<script[\s>]/i.test(text.slice(0, 65536))) return false;
  return true;
}

export type Verdict =
  | { ok: true; type: AcceptedType }
  | { ok: false; status: 415 | 400; message: string };

/** Decide on an upload from what the content is (`detected`, from a magic-byte detector) and its file name. */
export function judgeUpload(filename: string, detected: { ext: string; mime: string } | undefined, content: Uint8Array): Verdict {
  const ext = extensionOf(filename);
  let type: AcceptedType | undefined;
  if (detected) {
    if (detected.ext === 'cfb') {
      type = compoundFileTypes[ext];
      if (!type) return { ok: false, status: 415, message: `不支持的文件类型（旧版 Office 文件请使用 .doc 或 .xls 扩展名）；允许：${acceptedList}` };
    } else {
      type = acceptedByContent[detected.ext];
      if (!type) return { ok: false, status: 415, message: `不支持的文件类型（${detected.ext}）；允许：${acceptedList}` };
    }
  } else if (isPlainText(content)) {
    type = plainText;
  } else {
    return { ok: false, status: 415, message: `无法识别的文件类型；允许：${acceptedList}` };
  }
  if (!type.extensions.includes(ext)) {
    return { ok: false, status: 400, message: `文件扩展名（${ext ? '.' + ext : '无'}）与文件内容（${type.ext}）不符` };
  }
  return { ok: true, type };
}

/** Content-Disposition with an ASCII fallback and the RFC 5987 UTF-8 name for Chinese file names. */
export function contentDisposition(filename: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'download';
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
