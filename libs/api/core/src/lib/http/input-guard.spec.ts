import { inputProblems, textProblem, MAX_DEPTH } from './input-guard';

describe('textProblem', () => {
  it('accepts ordinary text, emoji (a surrogate pair) included', () => {
    expect(textProblem('Ethics and boundaries 🌱 — café')).toBeNull();
  });

  it('refuses a NUL character, which PostgreSQL text cannot store', () => {
    expect(textProblem('a\u0000b')).toBe('must not contain a NUL character');
  });

  it('refuses a lone high or low surrogate', () => {
    expect(textProblem('a\ud800')).toMatch(/lone surrogate/);
    expect(textProblem('\udc00b')).toMatch(/lone surrogate/);
    expect(textProblem('\ud83c\udf31')).toBeNull();
  });
});

describe('inputProblems', () => {
  it('names each bad string by its dotted path, in document order', () => {
    expect(
      inputProblems({
        title: 'ok',
        approvals: [{ body: 'A\u0000' }, { body: 'fine', number: '\ud800' }],
      }),
    ).toEqual({
      tooDeep: false,
      fields: {
        'approvals.0.body': ['must not contain a NUL character'],
        'approvals.1.number': [
          'must be valid Unicode text (it holds a lone surrogate)',
        ],
      },
    });
  });

  it('names the document itself "body" when it is one bad string', () => {
    expect(inputProblems('\u0000').fields).toEqual({
      body: ['must not contain a NUL character'],
    });
  });

  it('stops at the depth limit without recursion, however deep the document', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(inputProblems(deep).tooDeep).toBe(true);
    let ok: unknown = 'leaf';
    for (let i = 0; i < MAX_DEPTH; i++) ok = { a: ok };
    expect(inputProblems(ok)).toEqual({ tooDeep: false, fields: {} });
    expect(inputProblems({ a: ok }).tooDeep).toBe(true);
  });

  it('reports at most 20 fields', () => {
    const many = Array.from({ length: 50 }, () => '\u0000');
    expect(Object.keys(inputProblems(many).fields)).toHaveLength(20);
  });
});
