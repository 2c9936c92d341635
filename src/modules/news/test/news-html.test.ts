// The rich-text allow-list (domain/news-html.ts) against hostile payloads: nothing that can run as script survives,
// the permitted structure does, and the WeChat export inlines its styles and makes images absolute.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlToText, isAllowedHref, isAllowedImageSrc, sanitizeNewsHtml, wechatHtml } from '../domain/news-html.ts';

/** Anything in stored HTML that a browser could run or load as script. */
function assertInert(html: string) {
  assert.doesNotMatch(html, /<script|<style|<iframe|<svg|<math|<object|<embed|<template|<form|<meta|<link|<base/i, html);
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i, html);
  assert.doesNotMatch(html, /javascript:|vbscript:|data:/i, html);
  assert.doesNotMatch(html, /style=/i, html);
  assert.doesNotMatch(html, /srcdoc|formaction|xlink:href/i, html);
}

describe('sanitizeNewsHtml', () => {
  const hostile: Array<[string, string]> = [
    ['script', '<p>正文</p><script>window.__xss=1</script>'],
    ['img onerror', '<img src="x" onerror="window.__xss=1">'],
    ['img onerror with https src', '<img src="https://example.cn/a.png" onerror="window.__xss=1">'],
    ['javascript href', '<a href="javascript:window.__xss=1">点我</a>'],
    ['javascript href, encoded', '<a href="jav&#x61;script:window.__xss=1">点我</a>'],
    ['javascript href, spaces and case', '<a href=" JaVaScRiPt:window.__xss=1">点我</a>'],
    ['javascript href, tab inside', '<a href="java\tscript:window.__xss=1">点我</a>'],
    ['vbscript href', '<a href="vbscript:msgbox(1)">x</a>'],
    ['data href', '<a href="data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==">x</a>'],
    ['data image', '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">'],
    ['svg onload', '<svg onload="window.__xss=1"><circle r="5"/></svg>'],
    ['svg script', '<svg><script>window.__xss=1</script></svg>'],
    ['math href', '<math><maction actiontype="statusline" xlink:href="javascript:window.__xss=1">x</maction></math>'],
    ['style tag', '<style>body{background:url(javascript:window.__xss=1)}</style><p>x</p>'],
    ['style attribute', '<p style="background:url(javascript:window.__xss=1)">x</p>'],
    ['iframe', '<iframe src="javascript:window.__xss=1"></iframe>'],
    ['iframe srcdoc', '<iframe srcdoc="<script>window.__xss=1</script>"></iframe>'],
    ['object', '<object data="javascript:window.__xss=1"></object>'],
    ['embed', '<embed src="javascript:window.__xss=1">'],
    ['form action', '<form action="javascript:window.__xss=1"><button formaction="javascript:1">x</button></form>'],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">'],
    ['base', '<base href="javascript:/">'],
    ['nested script split', '<scr<script>ipt>window.__xss=1</scr</script>ipt>'],
    ['unclosed tag trick', '<img src=x onerror=window.__xss=1//'],
    ['comment trick', '<!--<img src="--><img src=x onerror=window.__xss=1>-->'],
    ['template', '<template><img src=x onerror=window.__xss=1></template>'],
    ['noscript', '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>"></noscript>'],
    ['protocol-relative link', '<a href="//evil.example/x">x</a>'],
    ['event on allowed tag', '<h2 onclick="window.__xss=1">标题</h2>'],
    ['details ontoggle', '<details open ontoggle="window.__xss=1">x</details>'],
    ['body onload', '<body onload="window.__xss=1">x</body>'],
    ['input autofocus', '<input autofocus onfocus="window.__xss=1">'],
    ['http image (not https)', '<img src="http://example.cn/a.png">'],
    ['srcset', '<img src="https://example.cn/a.png" srcset="javascript:1 1x">'],
    ['class and id', '<p class="ql-x" id="y">x</p>'],
  ];
  for (const [name, payload] of hostile) {
    test(`hostile: ${name}`, () => {
      const out = sanitizeNewsHtml(payload);
      assertInert(out);
      assert.equal(sanitizeNewsHtml(out), out, 'sanitising twice changes nothing');
    });
  }

  test('the permitted structure stays: headings, emphasis, lists, links with rel, quotes, images', () => {
    const html = '<h2>标题</h2><p><strong>粗</strong><em>斜</em><u>下划线</u><br></p><ol><li>一</li></ol><ul><li>二</li></ul>'
      + '<blockquote>引文</blockquote><p><a href="https://www.gov.cn/">政府网</a> <a href="/news/1">站内</a></p>'
      + '<p><img src="/api/attachments/abc123" alt="图"><img src="https://img.example.cn/a.jpg"></p>';
    const out = sanitizeNewsHtml(html);
    for (const tag of ['<h2>', '<strong>', '<em>', '<u>', '<br />', '<ol>', '<ul>', '<li>', '<blockquote>']) assert.ok(out.includes(tag), `${tag} in ${out}`);
    assert.match(out, /<a href="https:\/\/www\.gov\.cn\/" rel="noopener noreferrer">政府网<\/a>/);
    assert.match(out, /<a href="\/news\/1" rel="noopener noreferrer">站内<\/a>/);
    assert.match(out, /<img src="\/api\/attachments\/abc123" alt="图" \/>/);
    assert.match(out, /<img src="https:\/\/img\.example\.cn\/a\.jpg" \/>/);
  });

  test('what editors paste is mapped to the allowed tags; refused links keep their text; empty images go', () => {
    assert.equal(sanitizeNewsHtml('<h1>大</h1><b>b</b><i>i</i>'), '<h2>大</h2><strong>b</strong><em>i</em>');
    assert.equal(sanitizeNewsHtml('<p><a href="javascript:alert(1)">点我</a></p>'), '<p>点我</p>');
    assert.equal(sanitizeNewsHtml('<p>a<img src="javascript:alert(1)">b</p>'), '<p>ab</p>');
    assert.equal(sanitizeNewsHtml('<p>a<img src="/api/attachments/../../etc">b</p>'), '<p>ab</p>');
    assert.equal(sanitizeNewsHtml('<script>alert(1)</script>'), '');
  });

  test('the URL rules', () => {
    assert.ok(isAllowedHref('https://a.cn/x?y=1'));
    assert.ok(isAllowedHref('/portal/news'));
    assert.ok(!isAllowedHref('//evil.cn'));
    assert.ok(!isAllowedHref('javascript:alert(1)'));
    assert.ok(!isAllowedHref('mailto:a@b.cn'));
    assert.ok(isAllowedImageSrc('/api/attachments/Ab_9-x'));
    assert.ok(!isAllowedImageSrc('/other/x.png'));
    assert.ok(!isAllowedImageSrc('http://a.cn/x.png'));
  });

  test('plain text for summaries', () => {
    assert.equal(htmlToText('<h2>标题</h2><p>第一段 &amp; 第二</p><script>x()</script>'), '标题 第一段 & 第二');
    assert.equal(htmlToText('<p>一二三四五六</p>', 4), '一二三…');
  });
});

describe('wechatHtml', () => {
  test('styles are inline, images and links absolute, nothing hostile survives', () => {
    const out = wechatHtml('标题<script>', '<h2>小标题</h2><ul><li>一</li></ul><p><img src="/api/attachments/abc"><a href="/news/1">站内</a></p><img src=x onerror=alert(1)>', 'https://zx.example.cn');
    assert.match(out, /<h2 style="[^"]*font-size:20px/);
    assert.match(out, /<li style="/);
    assert.match(out, /<img style="[^"]*" src="https:\/\/zx\.example\.cn\/api\/attachments\/abc" \/>/);
    assert.match(out, /href="https:\/\/zx\.example\.cn\/news\/1"/);
    assert.match(out, /<title>标题&lt;script&gt;<\/title>/);
    assert.doesNotMatch(out, /<script|onerror|<style/);
    assert.doesNotMatch(out, /class=/);
  });
});
