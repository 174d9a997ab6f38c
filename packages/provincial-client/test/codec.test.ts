import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { SuperviseData } from '../src/index.js';
import { ClientOptionsError, decodeSuperviseData, encodeSuperviseData } from '../src/index.js';

// The published template's shape (reference §2.3), as XML, base64-encoded the way systems exchange it.
const TEMPLATE_XML = `<?xml version="1.0" encoding="UTF-8"?>
<superviseData>
  <taskInfo>
    <taskNo>lhjg111</taskNo>
    <taskName>食品安全联合检查</taskName>
    <status>分发</status>
    <initiateUnitType>dept</initiateUnitType>
    <superviseObjects>
      <superviseObject>
        <superviseObjectName>某餐饮店 &amp; 分店</superviseObjectName>
        <basisData><riskWarning><fxyjId>FXYJ0001</fxyjId><level>2</level></riskWarning></basisData>
      </superviseObject>
      <superviseObject><superviseObjectName>某超市</superviseObjectName></superviseObject>
    </superviseObjects>
  </taskInfo>
  <supervisionProcess>
    <taskDetails><taskNo>lhjg111</taskNo><status>认领</status><claimTime>2024-03-01 09:00:00</claimTime></taskDetails>
    <taskDetails><taskNo>lhjg111</taskNo><status>反馈</status><feedbackSuggestion><![CDATA[已检查 <无问题>]]></feedbackSuggestion></taskDetails>
    <feedbackUnitInfo><admInspection><checkActionCode>JC001</checkActionCode><checkDate>2024-03-02</checkDate></admInspection></feedbackUnitInfo>
  </supervisionProcess>
</superviseData>`;

describe('superviseData codec', () => {
  it('decodes the base64 XML template, including repeated elements, entities and CDATA', () => {
    const d = decodeSuperviseData(Buffer.from(TEMPLATE_XML, 'utf8').toString('base64'));
    expect(d.taskInfo.taskNo).toBe('lhjg111');
    expect(d.taskInfo.superviseObjects).toHaveLength(2);
    expect(d.taskInfo.superviseObjects?.[0]?.superviseObjectName).toBe('某餐饮店 & 分店');
    expect(d.taskInfo.superviseObjects?.[0]?.basisData?.riskWarning?.fxyjId).toBe('FXYJ0001');
    expect(d.supervisionProcess?.taskDetails?.map((t) => t.status)).toEqual(['认领', '反馈']);
    expect(d.supervisionProcess?.taskDetails?.[1]?.feedbackSuggestion).toBe('已检查 <无问题>');
    expect(d.supervisionProcess?.feedbackUnitInfo?.admInspection?.checkActionCode).toBe('JC001');
  });

  const text = fc
    .string({ minLength: 1, maxLength: 20 })
    .filter(
      (s) =>
        s.trim() === s &&
        [...s].every((ch) => ch.codePointAt(0)! >= 0x20 && ch.length === 1 && !/[\ud800-\udfff]/.test(ch)),
    );
  test.prop([
    text,
    fc.option(text, { nil: undefined }),
    fc.array(fc.record({ superviseObjectName: text, credentialsValue: text }), {
      minLength: 1,
      maxLength: 3,
    }),
    fc.array(fc.record({ taskNo: text, status: fc.constantFrom('分发', '认领', '结束', '反馈') }), {
      minLength: 1,
      maxLength: 3,
    }),
  ])('encode → decode is the identity', (taskNo, taskName, objects, details) => {
    const data: SuperviseData = {
      taskInfo: { taskNo, ...(taskName === undefined ? {} : { taskName }), superviseObjects: objects },
      supervisionProcess: { taskDetails: details },
    };
    expect(decodeSuperviseData(encodeSuperviseData(data))).toEqual(data);
  });

  it.each([
    ['not base64', '***'],
    ['not XML', Buffer.from('hello').toString('base64')],
    ['wrong root', Buffer.from('<task><taskNo>1</taskNo></task>').toString('base64')],
    ['mismatched tags', Buffer.from('<superviseData><taskInfo></task></superviseData>').toString('base64')],
    ['no taskInfo', Buffer.from('<superviseData><remark>x</remark></superviseData>').toString('base64')],
    ['DTD', Buffer.from('<!DOCTYPE x [<!ENTITY a "b">]><superviseData/>').toString('base64')],
  ])('rejects %s with ClientOptionsError', (_name, input) => {
    expect(() => decodeSuperviseData(input)).toThrow(ClientOptionsError);
  });

  it('refuses to encode characters XML cannot carry', () => {
    expect(() => encodeSuperviseData({ taskInfo: { taskNo: `a${String.fromCharCode(1)}` } })).toThrow(
      ClientOptionsError,
    );
    expect(() => encodeSuperviseData({ taskInfo: { taskNo: 'a\ud800' } })).toThrow(ClientOptionsError);
  });

  it('refuses to encode a document without taskInfo.taskNo', () => {
    expect(() => encodeSuperviseData({ taskInfo: {} } as never)).toThrow(ClientOptionsError);
  });
});
