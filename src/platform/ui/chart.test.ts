import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withoutInlineStyles } from './chart.ts';

test('inline styles become SVG presentation attributes (our CSP forbids inline styles)', () => {
  assert.equal(withoutInlineStyles('<text style="font-size:12px;fill:#333;">a</text>'), '<text font-size="12" fill="#333">a</text>');
  assert.equal(withoutInlineStyles('<text style="font:bold 14px &quot;Microsoft YaHei&quot;, sans-serif;">a</text>'), `<text font-weight="bold" font-size="14" font-family="'Microsoft YaHei', sans-serif">a</text>`);
  assert.equal(withoutInlineStyles('<svg><style>.a:hover{}</style><g/></svg>'), '<svg><g/></svg>');
});
